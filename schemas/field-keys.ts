import { z } from 'zod';
import { FieldOptionSchema } from './field-option.js';
import { extensionBlock, snakeCaseName } from './names.js';

/** Keys every field accepts, whatever its type. */
export const commonFieldKeys = {
  label: z.string().optional().describe('Human-readable label shown in forms, lists and API docs'),
  description: z.string().optional().describe('Help text for users and documentation for developers'),
  inlineHelpText: z.string().optional().describe('Short hint shown next to the input in forms'),
  required: z.boolean().default(false).describe('A value must be present on create and update'),
  unique: z.boolean().default(false).describe('No two records may hold the same value (a unique index is created)'),
  defaultValue: z.unknown().optional().describe('Value used when a new record does not provide one'),
  hidden: z.boolean().default(false).describe('Hide from default UI layouts (still available through the API)'),
  readonly: z.boolean().default(false).describe('Users cannot edit the value through UI or API writes'),
  searchable: z.boolean().default(false).describe('Include the field in full-text/global search'),
  sortable: z.boolean().optional().describe('Allow sorting lists by this field (defaults to true for scalar types)'),
  storage: z
    .strictObject({
      notNull: z.boolean().optional().describe('Add a NOT NULL constraint to the column (independent of `required`, which is checked by the API)'),
    })
    .optional()
    .describe('Physical storage options for the column'),
  renamedFrom: snakeCaseName('Previous name of this field: migrations rename the column instead of dropping and re-adding it').optional(),
  ai_context: extensionBlock('AI hints about the field (intent, examples)').optional(),
};

const nonNegativeInt = (description: string) => z.number().int().min(0).describe(description);

export const lengthKeys = {
  maxLength: nonNegativeInt('Maximum number of characters').optional(),
  minLength: nonNegativeInt('Minimum number of characters').optional(),
};

export const textKeys = {
  ...lengthKeys,
  pattern: z.string().optional().describe('Regular expression every value must match (JavaScript syntax, no slashes)'),
};

export const rangeKeys = {
  min: z.number().optional().describe('Smallest allowed value'),
  max: z.number().optional().describe('Largest allowed value'),
};

export const numericKeys = {
  precision: z.number().int().min(1).max(38).optional().describe('Total number of significant digits stored'),
  scale: z.number().int().min(0).max(38).optional().describe('Number of digits after the decimal point'),
  ...rangeKeys,
  step: z.number().positive().optional().describe('Increment used by number inputs and sliders'),
};

export const optionKeys = {
  options: z.array(FieldOptionSchema).min(1).describe('The allowed choices'),
};

export const multipleKey = {
  multiple: z.boolean().default(false).describe('Allow several values (stored as a list)'),
};

export function deleteBehaviorKey(defaultBehavior: 'set_null' | 'cascade' | 'restrict') {
  return z
    .enum(['set_null', 'cascade', 'restrict'])
    .default(defaultBehavior)
    .describe('What happens to this record when the referenced record is deleted: set_null clears the field, cascade deletes this record, restrict blocks the delete');
}

export const referenceKeys = {
  reference: snakeCaseName('Name of the object this field points to'),
  deleteBehavior: deleteBehaviorKey('set_null'),
  referenceFilters: z.array(z.string()).optional().describe('Filter expressions limiting which records can be chosen, e.g. "active = true"'),
};

export const mediaKeys = {
  accept: z.array(z.string()).optional().describe('Allowed MIME types or file extensions, e.g. ["image/png", ".pdf"]'),
  maxSize: z.number().int().positive().optional().describe('Largest accepted upload, in bytes'),
};

/** Result types a formula or summary may produce. */
export const computedReturnType = z
  .enum(['text', 'number', 'currency', 'percent', 'boolean', 'date', 'datetime'])
  .describe('Type of the computed value (decides the column type and formatting)');

export const SUB_FIELD_TYPES = ['text', 'textarea', 'email', 'url', 'phone', 'number', 'currency', 'percent', 'date', 'datetime', 'time', 'boolean', 'select', 'json'] as const;

/** A scalar sub-field of a composite or repeater field (no nesting, to keep the storage a flat JSON document). */
export const SubFieldSchema = z.strictObject({
  type: z.enum(SUB_FIELD_TYPES).describe('Type of the sub-field (scalar types only)'),
  label: z.string().optional().describe('Label of the sub-field'),
  description: z.string().optional().describe('Help text of the sub-field'),
  required: z.boolean().default(false).describe('The sub-field must have a value'),
  options: z.array(FieldOptionSchema).optional().describe('Choices, when the sub-field is a select'),
});

export const subFieldsKey = {
  fields: z.record(snakeCaseName('Sub-field name'), SubFieldSchema).describe('Sub-fields, keyed by snake_case name'),
};
