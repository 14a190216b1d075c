import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, FieldSchema, type FieldInput, type FieldType } from '../../schemas/index.js';

/** The smallest valid definition of each type: only the keys that type requires. */
const MINIMAL: Record<FieldType, FieldInput> = Object.fromEntries(FIELD_TYPES.map((type) => [type, { type }])) as Record<FieldType, FieldInput>;
Object.assign(MINIMAL, {
  select: { type: 'select', options: ['a'] },
  multiselect: { type: 'multiselect', options: [{ label: 'A', value: 'a' }] },
  radio: { type: 'radio', options: ['a'] },
  checkboxes: { type: 'checkboxes', options: ['a'] },
  lookup: { type: 'lookup', reference: 'account' },
  master_detail: { type: 'master_detail', reference: 'opportunity' },
  formula: { type: 'formula', expression: 'amount * 2' },
  summary: { type: 'summary', summaryOperations: { object: 'line_item', field: 'amount', function: 'sum' } },
  composite: { type: 'composite', fields: { street: { type: 'text' } } },
  repeater: { type: 'repeater', fields: { sku: { type: 'text' } } },
  vector: { type: 'vector', dimensions: 1536 },
} satisfies Partial<Record<FieldType, FieldInput>>);

/** A key that belongs to some other type: every type but vector must reject `dimensions`, vector rejects `maxLength`. */
function foreignKey(type: FieldType): Record<string, unknown> {
  return type === 'vector' ? { maxLength: 10 } : { dimensions: 3 };
}

describe('FieldSchema', () => {
  it('lists exactly the 49 protocol field types, without duplicates', () => {
    expect(FIELD_TYPES).toEqual([
      'text', 'textarea', 'email', 'url', 'phone', 'password', 'secret', 'markdown', 'html', 'richtext', 'number', 'currency',
      'percent', 'date', 'datetime', 'time', 'boolean', 'toggle', 'select', 'multiselect', 'radio', 'checkboxes', 'lookup',
      'master_detail', 'tree', 'user', 'image', 'file', 'avatar', 'video', 'audio', 'formula', 'summary', 'autonumber',
      'composite', 'repeater', 'record', 'location', 'address', 'code', 'json', 'color', 'rating', 'slider', 'signature',
      'qrcode', 'progress', 'tags', 'vector',
    ]);
    expect(new Set(FIELD_TYPES).size).toBe(49);
  });

  it.each(FIELD_TYPES)('%s accepts its minimal definition and fills the common defaults', (type) => {
    const parsed = FieldSchema.parse(MINIMAL[type]);
    expect(parsed.type).toBe(type);
    expect(parsed).toMatchObject({ required: false, unique: false, hidden: false, readonly: false, searchable: false });
  });

  it.each(FIELD_TYPES)('%s rejects a key that belongs to another type', (type) => {
    const result = FieldSchema.safeParse({ ...MINIMAL[type], ...foreignKey(type) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: Object.keys(foreignKey(type)) });
  });

  it('dispatches on `type`: a wrong type names the allowed values at the `type` path', () => {
    const result = FieldSchema.safeParse({ type: 'string' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['type']);
    expect(issue?.code).toBe('invalid_union');
    expect(issue && 'options' in issue ? issue.options : []).toEqual([...FIELD_TYPES]);
  });

  it('reports a misspelled common key as an unrecognized key of that field only', () => {
    const result = FieldSchema.safeParse({ type: 'text', lable: 'Name' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['lable'], path: [] })]);
  });

  it('accepts each type\'s own keys', () => {
    expect(FieldSchema.safeParse({ type: 'text', maxLength: 80, minLength: 2, pattern: '^[A-Z]' }).success).toBe(true);
    expect(FieldSchema.safeParse({ type: 'currency', precision: 18, scale: 2, min: 0, currency: 'USD' }).success).toBe(true);
    expect(FieldSchema.safeParse({ type: 'rating', max: 10, allowHalf: true }).success).toBe(true);
    expect(FieldSchema.safeParse({ type: 'image', accept: ['image/png'], maxSize: 1_048_576, multiple: true }).success).toBe(true);
    expect(FieldSchema.safeParse({ type: 'code', language: 'sql' }).success).toBe(true);
  });

  it('requires the keys a type cannot work without', () => {
    for (const type of ['lookup', 'master_detail', 'formula', 'summary', 'vector', 'select'] as const) {
      const result = FieldSchema.safeParse({ type });
      expect(result.success, type).toBe(false);
      expect(result.error?.issues[0]?.code, type).toBe('invalid_type');
    }
  });

  it('defaults deleteBehavior to set_null for lookup and cascade for master_detail', () => {
    expect(FieldSchema.parse({ type: 'lookup', reference: 'account' })).toMatchObject({ deleteBehavior: 'set_null', multiple: false });
    expect(FieldSchema.parse({ type: 'master_detail', reference: 'account' })).toMatchObject({ deleteBehavior: 'cascade' });
    expect(FieldSchema.safeParse({ type: 'lookup', reference: 'account', deleteBehavior: 'nullify' }).success).toBe(false);
  });

  it('normalises option shorthands to {label, value}', () => {
    const parsed = FieldSchema.parse({ type: 'select', options: ['open', { label: 'Closed', value: 'closed', color: 'red' }] });
    expect(parsed.type === 'select' && parsed.options).toEqual([
      { label: 'open', value: 'open' },
      { label: 'Closed', value: 'closed', color: 'red' },
    ]);
  });

  it('rejects a non-snake_case reference and renamedFrom', () => {
    expect(FieldSchema.safeParse({ type: 'lookup', reference: 'Account' }).success).toBe(false);
    expect(FieldSchema.safeParse({ type: 'text', renamedFrom: 'Old Name' }).success).toBe(false);
    expect(FieldSchema.safeParse({ type: 'text', renamedFrom: 'old_name', storage: { notNull: true } }).success).toBe(true);
  });
});
