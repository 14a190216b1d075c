import type { FieldType } from './field-types.js';

/**
 * ObjectQL-era spellings found in real object files, and their ObjectStack protocol replacement. The schemas accept
 * only the protocol spelling; the validator rewrites these before validation and warns (OS1210) naming the new key.
 */
export const OBJECTQL_FIELD_KEY_RENAMES = {
  reference_to: 'reference',
  help_text: 'inlineHelpText',
  min_length: 'minLength',
  max_length: 'maxLength',
  max_size: 'maxSize',
  dimension: 'dimensions',
  data_type: 'returnType',
} as const;

/** Keys of an ObjectQL field-level `validation: {...}` block, hoisted onto the field itself. `message` has no field-level home and is dropped. */
export const OBJECTQL_FIELD_VALIDATION_RENAMES = {
  min_length: 'minLength',
  max_length: 'maxLength',
  min: 'min',
  max: 'max',
} as const;

/** ObjectQL field types that the protocol spells differently. */
export const OBJECTQL_FIELD_TYPE_RENAMES = {
  object: 'json',
} as const satisfies Record<string, FieldType>;

/** Object-level keys, as a dotted path of their protocol home. */
export const OBJECTQL_OBJECT_KEY_RENAMES = {
  enable_search: 'enable.searchable',
} as const;

/**
 * ObjectQL lets a field omit `type`: a `reference_to` makes it a lookup, `options` a select, anything else text.
 * Returns the type the protocol needs written out.
 */
export function inferObjectQlFieldType(field: Readonly<Record<string, unknown>>): FieldType {
  if ('reference_to' in field || 'reference' in field) return 'lookup';
  if ('options' in field) return 'select';
  return 'text';
}

/** ObjectQL keeps object rules under `validation: {rules: [...]}`; the protocol key is `validations: [...]`. */
export const OBJECTQL_OBJECT_VALIDATION_BLOCK = { from: 'validation.rules', to: 'validations' } as const;

/** The comparison that makes an ObjectQL `rule: {field, operator, compare_to}` fail (protocol conditions describe the failure). */
const FAILING_COMPARISON: Readonly<Record<string, string>> = {
  '>=': '<', '>': '<=', '<=': '>', '<': '>=', '=': '!=', '==': '!=', '!=': '=',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rewrites one ObjectQL validation rule into the protocol shape: `error_code` → `errorCode`; a cross_field
 * `rule: {field, operator, compare_to}` → `condition` + `fields`; state_machine transitions `{s: {allowed_next}}` → `{s: [...]}`.
 * Unknown shapes are left as they are, so schema validation reports them at their own location.
 */
export function rewriteObjectQlValidationRule(rule: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { error_code: errorCode, rule: comparison, ...rest } = rule;
  const rewritten: Record<string, unknown> = { ...rest };
  if (errorCode !== undefined) rewritten.errorCode = errorCode;
  if (comparison !== undefined) rewritten.rule = comparison;

  if (rule.type === 'cross_field' && isRecord(comparison)) {
    const { field, operator, compare_to: compareTo } = comparison;
    const failing = typeof operator === 'string' ? FAILING_COMPARISON[operator] : undefined;
    if (typeof field === 'string' && typeof compareTo === 'string' && failing !== undefined) {
      delete rewritten.rule;
      rewritten.condition = `${field} ${failing} ${compareTo}`;
      rewritten.fields = [field, compareTo];
    }
  }

  if (rule.type === 'state_machine' && isRecord(rule.transitions)) {
    rewritten.transitions = Object.fromEntries(
      Object.entries(rule.transitions).map(([state, next]) => [
        state,
        isRecord(next) && Array.isArray(next.allowed_next) ? next.allowed_next : next,
      ]),
    );
  }
  return rewritten;
}
