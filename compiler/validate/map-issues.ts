import type { z } from 'zod';
import { SNAKE_CASE_PATTERN } from '../../schemas/index.js';
import { isMapping } from '../load/yaml-values.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import type { PathSegment, SourceRef } from '../diagnostics/span.js';
import { allowedKeys, childOf, descriptionOf, schemaAt } from './schema-walk.js';

type Issue = z.core.$ZodIssue;

export interface IssueContext {
  /** The schema the document was parsed with, to find allowed keys and descriptions for hints. */
  readonly schema: z.core.$ZodType;
  /** The data as given to the schema. */
  readonly data: unknown;
  /** The document: its file and the path of the parsed value in it ([] for a whole file). */
  readonly ref: SourceRef;
}

/** Every Zod issue as a located diagnostic, with a hint where the schema or the data suggests one. */
export function issueDiagnostics(issues: readonly Issue[], context: IssueContext): PendingDiagnostic[] {
  return issues.flatMap((issue) => mapIssue(issue, [], context));
}

function mapIssue(issue: Issue, prefix: readonly PathSegment[], context: IssueContext): PendingDiagnostic[] {
  const path = [...prefix, ...issue.path.filter((s): s is PathSegment => typeof s !== 'symbol')];
  const value = valueAt(context.data, path);
  const at: SourceRef = { file: context.ref.file, path: [...context.ref.path, ...path] };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(context.schema, context.data, path)) ?? [];
      const present = new Set(Object.keys(isMapping(value) ? value : {}));
      const unused = allowed.filter((key) => !present.has(key));
      return issue.keys.map((key) => ({
        code: 'OS1201',
        message: `Unknown key "${key}"`,
        at: { ...at, path: [...at.path, key], target: 'key' },
        hint: suggestion(key, unused) ?? (allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : 'remove the key'),
      }));
    }
    case 'invalid_type':
      return [value === undefined ? missingKey(path, at, context) : wrongType(issue.expected, value, at)];
    case 'invalid_value':
      if (value === undefined) return [{ ...missingKey(path, at, context), hint: `one of ${issue.values.map(String).join(', ')}` }];
      return [invalidValue(value, issue.values.map(String), at)];
    case 'invalid_union':
      return invalidUnion(issue, path, value, at, context);
    case 'invalid_format':
      return [{ code: 'OS1205', message: withValue(value, issue.message), at, ...snakeCaseHint(issue, value) }];
    case 'invalid_key': {
      // A map key that breaks its rule (e.g. a field name that is not snake_case): point at the key itself.
      const key = String(path[path.length - 1] ?? '');
      const inner = issue.issues[0];
      const rule = inner?.message ?? issue.message;
      return [
        {
          code: inner?.code === 'invalid_format' ? 'OS1205' : 'OS1207',
          message: `Invalid name ${JSON.stringify(key)}: ${rule}`,
          at: { ...at, target: 'key' },
          ...(inner && snakeCaseHint(inner, key)),
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      return [{ code: 'OS1206', message: withValue(value, issue.message), at }];
    default:
      return [{ code: 'OS1207', message: withValue(value, issue.message), at }];
  }
}

function missingKey(path: readonly PathSegment[], at: SourceRef, context: IssueContext): PendingDiagnostic {
  const key = String(path[path.length - 1] ?? '');
  const description = descriptionOf(schemaAt(context.schema, context.data, path));
  return {
    code: 'OS1204',
    message: `Missing required key "${key}"`,
    at,
    hint: description ? `add ${key}: ${lowerFirst(description)}` : `add ${key}`,
  };
}

function wrongType(expected: string, value: unknown, at: SourceRef): PendingDiagnostic {
  return {
    code: 'OS1202',
    message: `Expected ${article(expected)}, got ${describeValue(value)}`,
    at,
    ...(expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') && { hint: `quote the value: "${String(value)}"` }),
  };
}

function invalidValue(value: unknown, allowed: readonly string[], at: SourceRef, what = 'value'): PendingDiagnostic {
  const shown = allowed.length <= 12 ? `: expected one of ${allowed.join(', ')}` : '';
  const hint = typeof value === 'string' ? suggestion(value, allowed) : undefined;
  return {
    code: 'OS1203',
    message: `Invalid ${what} ${JSON.stringify(value)}${shown}`,
    at,
    ...(hint ? { hint } : allowed.length > 12 && { hint: `allowed: ${allowed.join(', ')}` }),
  };
}

function invalidUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: readonly PathSegment[],
  value: unknown,
  at: SourceRef,
  context: IssueContext,
): PendingDiagnostic[] {
  const discriminator = (issue as { discriminator?: string }).discriminator;
  if (discriminator !== undefined) {
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    // Zod puts the discriminator in the path; be robust to versions that point at the union instead.
    const atDiscriminator = path[path.length - 1] === discriminator;
    const given = atDiscriminator ? value : childOf(value, discriminator);
    const discriminatorAt = atDiscriminator ? at : { ...at, path: [...at.path, discriminator] };
    if (given === undefined) {
      return [{ code: 'OS1204', message: `Missing required key "${discriminator}"`, at: discriminatorAt, hint: `one of ${options.join(', ')}` }];
    }
    return [invalidValue(given, options, discriminatorAt, discriminator)];
  }
  // A plain union: report the member the data was closest to, ignoring members of another kind altogether.
  const branches = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  const closest = [...branches].sort((a, b) => a.length - b.length)[0];
  if (closest) return closest.flatMap((inner) => mapIssue(inner, path, context));
  const expected = issue.errors.flatMap((branch) => branch.flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : [])));
  return [{ code: 'OS1202', message: `Expected ${[...new Set(expected)].map(article).join(' or ')}, got ${describeValue(value)}`, at }];
}

function snakeCaseHint(issue: Issue, value: unknown): { hint?: string } {
  if (typeof value !== 'string' || (issue as { pattern?: string }).pattern !== String(SNAKE_CASE_PATTERN)) return {};
  const snake = value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toLowerCase()
    .replace(/^(\d)/, '_$1');
  return SNAKE_CASE_PATTERN.test(snake) ? { hint: `write it as "${snake}"` } : {};
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((value, segment) => childOf(value, segment), data);
}

function withValue(value: unknown, message: string): string {
  return value !== undefined && /^must\b/.test(message) ? `${JSON.stringify(value)} ${message}` : message;
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean', int: 'an integer' };

function article(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${article(typeof value)} (${String(value)})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
