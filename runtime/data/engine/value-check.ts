import type { ScalarShape, StringFormat, ValueShape } from '../../../compiler/emit/field-mapping/index.js';

/** A value checked against its API shape: the normalized value, or what is wrong with it. */
export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

const ok = (value: unknown): Checked => ({ ok: true, value });
const bad = (problem: string): Checked => ({ ok: false, problem });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,6})?)?$/;

/**
 * Checks a non-null value against the shape the generated API types promise for the field, so that what REST and
 * GraphQL accept and what the engine stores agree. Datetimes are normalized to ISO UTC with milliseconds and times
 * to HH:MM:SS, so both dialects store and return the same text.
 */
export function checkShape(shape: ValueShape, value: unknown): Checked {
  if (shape.kind === 'list') {
    if (!Array.isArray(value)) return bad('must be a list');
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const checked = item === null ? bad('must not contain null') : checkScalar(shape.item, item);
      if (!checked.ok) return bad(`item ${index + 1} ${checked.problem}`);
      items.push(checked.value);
    }
    return ok(items);
  }
  return checkScalar(shape, value);
}

/** PostgreSQL cannot store U+0000 in text or jsonb, so neither dialect accepts it: the same answer from both. */
const NUL_PROBLEM = 'must not contain the NUL character (\\u0000)';

export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

function checkScalar(shape: ScalarShape, value: unknown): Checked {
  if (typeof value === 'string' && hasNul(value)) return bad(NUL_PROBLEM);
  switch (shape.kind) {
    case 'string':
      if (typeof value !== 'string') return bad('must be text');
      return checkFormat(shape.format, value);
    case 'id':
      return typeof value === 'string' && value.length > 0 ? ok(value) : bad('must be a record id (text)');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('must be a number');
      return shape.integer && !Number.isInteger(value) ? bad('must be a whole number') : ok(value);
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : bad('must be true or false');
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? ok(value)
        : bad(`must be one of ${shape.values.map((option) => JSON.stringify(option)).join(', ')}`);
    case 'json':
      if (nulInside(value)) return bad(NUL_PROBLEM);
      return isJson(value) ? ok(value) : bad('must be a JSON value');
    case 'struct': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('must be an object');
      const known = new Map(shape.properties.map((property) => [property.name, property]));
      const input = value as Record<string, unknown>;
      const unknownKey = Object.keys(input).find((key) => !known.has(key));
      if (unknownKey !== undefined) return bad(`has no property "${unknownKey}" (allowed: ${[...known.keys()].join(', ')})`);
      const result: Record<string, unknown> = {};
      for (const property of shape.properties) {
        const item = input[property.name];
        if (item === undefined || item === null) {
          if (property.required) return bad(`needs "${property.name}"`);
          continue;
        }
        const checked = checkShape(property.shape, item);
        if (!checked.ok) return bad(`"${property.name}" ${checked.problem}`);
        result[property.name] = checked.value;
      }
      return ok(result);
    }
  }
}

function checkFormat(format: StringFormat | null, value: string): Checked {
  switch (format) {
    case 'email':
      return EMAIL.test(value) ? ok(value) : bad('must be an e-mail address like name@example.com');
    case 'uri':
      return isUrl(value) ? ok(value) : bad('must be a web address like https://example.com');
    case 'date': {
      const match = DATE.exec(value);
      // Year 0 does not exist for PostgreSQL; both dialects refuse it.
      const valid = match !== null && match[1] !== '0000' && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
      return valid ? ok(value) : bad('must be a date like 2026-01-31');
    }
    case 'date-time': {
      const time = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : NaN;
      const iso = Number.isNaN(time) ? '' : new Date(time).toISOString();
      return /^\d{4}-/.test(iso) && !iso.startsWith('0000') ? ok(iso) : bad('must be a date and time like 2026-01-31T09:30:00Z');
    }
    case 'time': {
      const match = TIME.exec(value);
      return match ? ok(`${match[1]}:${match[2]}:${match[3] ?? '00'}`) : bad('must be a time like 09:30 or 09:30:15');
    }
    default:
      return ok(value);
  }
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' || url.protocol === 'ftp:';
  } catch {
    return false;
  }
}

function nulInside(value: unknown): boolean {
  if (typeof value === 'string') return hasNul(value);
  if (Array.isArray(value)) return value.some(nulInside);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => hasNul(key) || nulInside(item));
  return false;
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.values(value).every(isJson);
  return false;
}
