import { z } from 'zod';

const FieldOptionObjectSchema = z.strictObject({
  label: z.string().describe('Text shown to users for this choice'),
  value: z.string().describe('Value stored in the database for this choice'),
  color: z.string().optional().describe('Badge/chart colour for this choice, e.g. "#22c55e" or "green"'),
  default: z.boolean().optional().describe('Pre-select this choice on new records'),
});

/**
 * One choice of a select-like field. A bare string is shorthand for `{label: s, value: s}` (ObjectQL files use it);
 * the output is always the object form so later stages see one shape.
 */
export const FieldOptionSchema = z
  .union([z.string().describe('Shorthand: the same text is used as label and stored value'), FieldOptionObjectSchema])
  .transform((option) => (typeof option === 'string' ? { label: option, value: option } : option))
  .describe('A choice: {label, value, color?, default?} or a plain string');

export type FieldOption = z.output<typeof FieldOptionSchema>;
export type FieldOptionInput = z.input<typeof FieldOptionSchema>;
