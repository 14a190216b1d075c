import { scryptSync, randomBytes } from 'node:crypto';
import { DataError } from './errors.js';
import { columnProblem, fittedToColumn } from './column-fit.js';
import { constraintProblem } from './field-constraints.js';
import type { ObjectModel, PropertyModel } from './model.js';
import type { DataErrorDetail, DataInput } from './types.js';
import { unknownFieldDetail } from './unknown-field.js';
import { checkShape } from './value-check.js';

export type WriteMode = 'insert' | 'update';

export interface WriteEnvironment {
  readonly userId: string | undefined;
  readonly now: Date;
  /** Field-level permission: false → 403 for that field. */
  readonly canEdit: (property: PropertyModel) => boolean;
}

/**
 * Checks the values of an insert or update against the object's fields and returns them normalized (API values,
 * not yet encoded for a dialect), keyed by field name. On insert, defaults fill missing fields. Throws a
 * `DataError` listing every problem: unknown fields (400) first, then permissions (403), readonly (422), values (422).
 */
export function validateWrite(model: ObjectModel, data: DataInput, mode: WriteMode, env: WriteEnvironment): Map<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DataError('bad_request', `The body of a ${mode} on ${model.name} must be an object of field values`);
  }
  const unknown = Object.keys(data).filter((name) => !model.byName.has(name)).map((name) => unknownFieldDetail(model, name, 'Field'));
  if (unknown.length > 0) throw new DataError('bad_request', `Unknown field(s) in the ${mode} on ${model.name}`, unknown);

  const given = Object.entries(data).flatMap(([name, value]) => {
    const property = model.byName.get(name);
    return property && value !== undefined ? [{ property, value }] : [];
  });
  const readonly = given.filter(({ property }) => property.access.readonly).map(({ property }) => readonlyDetail(property));
  if (readonly.length > 0) throw new DataError('readonly_field', `Readonly field(s) cannot be written on ${model.name}`, readonly);
  const denied = given.filter(({ property }) => !env.canEdit(property));
  if (denied.length > 0) {
    throw new DataError(
      'forbidden',
      `Permission denied: you may not edit ${denied.map(({ property }) => property.name).join(', ')} on ${model.name}`,
      denied.map(({ property }) => ({ field: property.name, problem: 'not editable with your permissions' })),
    );
  }

  const values = new Map<string, unknown>(given.map(({ property, value }) => [property.name, value]));
  if (mode === 'insert') applyDefaults(model, values, env);
  const problems: DataErrorDetail[] = [];
  for (const [name, value] of values) {
    const property = model.byName.get(name);
    if (!property?.field) continue;
    const checked = checkValue(property, value);
    if (typeof checked === 'string') problems.push({ field: name, problem: checked });
    else values.set(name, checked.value);
  }
  for (const property of model.properties) {
    if (!isMandatory(property) || property.access.readonly) continue;
    const present = values.has(property.name);
    if ((mode === 'insert' || present) && isBlank(values.get(property.name))) {
      problems.push({ field: property.name, problem: `is required: give ${property.name} a value` });
    }
  }
  if (problems.length > 0) throw new DataError('validation_failed', `Invalid value(s) for ${model.name}`, problems);
  return values;
}

function readonlyDetail(property: PropertyModel): DataErrorDetail {
  const why = property.system
    ? 'is a system field maintained by the platform'
    : property.field?.storage === 'virtual'
      ? 'is computed on read'
      : property.field?.type === 'autonumber'
        ? 'is assigned on insert'
        : 'is readonly';
  return { field: property.name, problem: `${why}; remove it from the request` };
}

function isMandatory(property: PropertyModel): boolean {
  return property.field !== null && (property.field.def.required || property.field.notNull);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A value's type, format and limits; returns the problem sentence or the normalized value. */
function checkValue(property: PropertyModel, value: unknown): string | { value: unknown } {
  if (value === null) return { value: null };
  const checked = checkShape(property.access.shape, value);
  if (!checked.ok) return checked.problem;
  const field = property.field;
  const problem = (field ? constraintProblem(field.def, checked.value) : undefined) ?? columnProblem(property, checked.value);
  if (problem !== undefined) return problem;
  if (field?.type === 'password') return { value: hashPassword(String(checked.value)) };
  return { value: fittedToColumn(property, checked.value) };
}

/** Defaults from the field definitions; `$currentUser`, `$now`/`{now}` and `$today`/`{today}` are resolved here. */
function applyDefaults(model: ObjectModel, values: Map<string, unknown>, env: WriteEnvironment): void {
  for (const property of model.properties) {
    const def = property.field?.def;
    if (!def || def.defaultValue === undefined || values.has(property.name) || property.access.readonly) continue;
    values.set(property.name, resolveDefault(def.defaultValue, env));
  }
}

function resolveDefault(value: unknown, env: WriteEnvironment): unknown {
  if (typeof value !== 'string') return value;
  switch (value) {
    case '$currentUser':
    case '{currentUser}':
      return env.userId ?? null;
    case '$now':
    case '{now}':
      return env.now.toISOString();
    case '$today':
    case '{today}':
      return env.now.toISOString().slice(0, 10);
    default:
      return value;
  }
}

/** `scrypt$<salt>$<hash>`: passwords are never stored or returned in clear. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}
