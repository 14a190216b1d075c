import { z } from 'zod';
import type { FieldType } from './field-types.js';
import {
  commonFieldKeys, computedReturnType, deleteBehaviorKey, lengthKeys, mediaKeys, multipleKey, numericKeys, optionKeys, rangeKeys,
  referenceKeys, subFieldsKey, textKeys,
} from './field-keys.js';
import { FieldOptionSchema } from './field-option.js';
import { snakeCaseName } from './names.js';

/** One strict branch of the field union: the common keys plus the keys that only make sense for `type`. */
function fieldOf<T extends FieldType, K extends z.ZodRawShape>(type: T, description: string, keys: K) {
  return z
    .strictObject({
      type: z.literal(type).describe(description),
      ...commonFieldKeys,
      ...keys,
    })
    .describe(`A ${type} field: ${description}`);
}

const noExtraKeys = {};

export const FieldSchema = z
  .discriminatedUnion('type', [
    fieldOf('text', 'single-line text', textKeys),
    fieldOf('textarea', 'multi-line plain text', {
      ...lengthKeys,
      rows: z.number().int().positive().optional().describe('Visible rows of the input'),
    }),
    fieldOf('email', 'an e-mail address (format-checked)', lengthKeys),
    fieldOf('url', 'a web address (format-checked)', lengthKeys),
    fieldOf('phone', 'a phone number', lengthKeys),
    fieldOf('password', 'a password, stored hashed, never returned by the API', lengthKeys),
    fieldOf('secret', 'a secret (API key, token), stored encrypted, masked in API responses', lengthKeys),
    fieldOf('markdown', 'Markdown text', lengthKeys),
    fieldOf('html', 'raw HTML content', lengthKeys),
    fieldOf('richtext', 'rich text edited with a WYSIWYG editor', lengthKeys),
    fieldOf('number', 'a number (integer when scale is 0)', numericKeys),
    fieldOf('currency', 'a money amount', {
      ...numericKeys,
      currency: z.string().length(3).optional().describe('Fixed ISO 4217 currency code, e.g. USD; omit to let each record carry its own currency'),
    }),
    fieldOf('percent', 'a percentage (50 means 50%)', numericKeys),
    fieldOf('date', 'a calendar date without time', noExtraKeys),
    fieldOf('datetime', 'a point in time (stored in UTC)', noExtraKeys),
    fieldOf('time', 'a time of day without date', noExtraKeys),
    fieldOf('boolean', 'true or false', noExtraKeys),
    fieldOf('toggle', 'true or false, shown as a switch', noExtraKeys),
    fieldOf('select', 'one value from a fixed list (several with `multiple`)', { ...optionKeys, ...multipleKey }),
    fieldOf('multiselect', 'several values from a fixed list', optionKeys),
    fieldOf('radio', 'one value from a fixed list, shown as radio buttons', optionKeys),
    fieldOf('checkboxes', 'several values from a fixed list, shown as checkboxes', optionKeys),
    fieldOf('lookup', 'a reference to a record of another object', { ...referenceKeys, ...multipleKey }),
    fieldOf('master_detail', 'a reference to the parent (master) record: this record belongs to it', {
      ...referenceKeys,
      deleteBehavior: deleteBehaviorKey('cascade'),
      writeRequiresMasterRead: z.boolean().optional().describe('Editing this record requires read access to its master record'),
    }),
    fieldOf('tree', 'a reference to the parent record in a hierarchy of the same object', {
      reference: snakeCaseName('Object holding the hierarchy (defaults to this object)').optional(),
      deleteBehavior: referenceKeys.deleteBehavior,
    }),
    fieldOf('user', 'a reference to a user', { ...multipleKey, deleteBehavior: referenceKeys.deleteBehavior }),
    fieldOf('image', 'an uploaded image', { ...mediaKeys, ...multipleKey }),
    fieldOf('file', 'an uploaded file', { ...mediaKeys, ...multipleKey }),
    fieldOf('avatar', 'a profile picture', mediaKeys),
    fieldOf('video', 'an uploaded video', { ...mediaKeys, ...multipleKey }),
    fieldOf('audio', 'an uploaded audio clip', { ...mediaKeys, ...multipleKey }),
    fieldOf('formula', 'a value computed from other fields of the record', {
      expression: z.string().min(1).describe('Formula over this record\'s fields, e.g. "amount * probability / 100"'),
      returnType: computedReturnType.default('text'),
      scale: numericKeys.scale,
    }),
    fieldOf('summary', 'a roll-up over child records (count, sum, min, max, avg)', {
      summaryOperations: z
        .strictObject({
          object: snakeCaseName('Child object whose records are summarised'),
          field: snakeCaseName('Child field to aggregate (ignored by count)'),
          function: z.enum(['count', 'sum', 'min', 'max', 'avg']).describe('Aggregate function'),
          filter: z.string().optional().describe('Only child records matching this expression are included'),
        })
        .describe('Roll-up definition'),
      returnType: computedReturnType.optional(),
      scale: numericKeys.scale,
    }),
    fieldOf('autonumber', 'a sequential identifier generated on insert', {
      autonumberFormat: z.string().min(1).default('{0}').describe('Display pattern, e.g. "INV-{YYYY}-{0000}": {0000} is the zero-padded counter'),
      startNumber: z.number().int().min(0).default(1).describe('First number of the sequence'),
    }),
    fieldOf('composite', 'a group of named sub-fields stored together', subFieldsKey),
    fieldOf('repeater', 'a list of rows, each with the same sub-fields', {
      ...subFieldsKey,
      minItems: z.number().int().min(0).optional().describe('Fewest rows allowed'),
      maxItems: z.number().int().positive().optional().describe('Most rows allowed'),
    }),
    fieldOf('record', 'a reference to a record of any of several objects (polymorphic)', {
      references: z.array(snakeCaseName('Object name')).min(1).optional().describe('Objects the record may belong to (omit for any object)'),
    }),
    fieldOf('location', 'GPS coordinates (latitude, longitude)', {
      displayMap: z.boolean().optional().describe('Show a map widget'),
      allowGeocoding: z.boolean().optional().describe('Allow turning an address into coordinates'),
    }),
    fieldOf('address', 'a structured postal address', {
      addressFormat: z.enum(['us', 'uk', 'international']).default('international').describe('Address layout template'),
    }),
    fieldOf('code', 'source code with syntax highlighting', {
      ...lengthKeys,
      language: z.string().optional().describe('Language for highlighting, e.g. javascript, sql, python'),
      theme: z.string().optional().describe('Editor theme, e.g. dark, light'),
      lineNumbers: z.boolean().optional().describe('Show line numbers'),
    }),
    fieldOf('json', 'an arbitrary JSON document', {
      schema: z.record(z.string(), z.unknown()).optional().describe('JSON Schema every stored document must satisfy'),
    }),
    fieldOf('color', 'a colour value', {
      colorFormat: z.enum(['hex', 'rgb', 'rgba', 'hsl']).default('hex').describe('Stored colour notation'),
      allowAlpha: z.boolean().optional().describe('Allow transparency'),
      presetColors: z.array(z.string()).optional().describe('Colours offered as quick picks'),
    }),
    fieldOf('rating', 'a star rating', {
      max: z.number().int().min(1).max(10).default(5).describe('Number of stars'),
      allowHalf: z.boolean().optional().describe('Allow half stars'),
    }),
    fieldOf('slider', 'a number chosen on a slider', {
      ...rangeKeys,
      step: numericKeys.step,
      showValue: z.boolean().optional().describe('Show the current value next to the slider'),
      marks: z.record(z.string(), z.string()).optional().describe('Labels at given values, e.g. {"0": "Low", "100": "High"}'),
    }),
    fieldOf('signature', 'a hand-drawn signature image', noExtraKeys),
    fieldOf('qrcode', 'a QR code or barcode value', {
      barcodeFormat: z.enum(['qr', 'ean13', 'ean8', 'code128', 'code39', 'upca', 'upce']).default('qr').describe('Symbology'),
      qrErrorCorrection: z.enum(['L', 'M', 'Q', 'H']).optional().describe('QR error correction level (qr only)'),
      displayValue: z.boolean().optional().describe('Print the human-readable value under the code'),
      allowScanning: z.boolean().optional().describe('Allow filling the value by scanning with a camera'),
    }),
    fieldOf('progress', 'a completion percentage shown as a bar', rangeKeys),
    fieldOf('tags', 'a list of free-form or predefined tags', {
      options: z.array(FieldOptionSchema).optional().describe('Suggested tags'),
      allowCustom: z.boolean().default(true).describe('Allow tags that are not among the options'),
      maxItems: z.number().int().positive().optional().describe('Most tags per record'),
    }),
    fieldOf('vector', 'an embedding vector for similarity search', {
      dimensions: z.number().int().positive().max(16000).describe('Number of components, e.g. 1536'),
      distance: z.enum(['cosine', 'euclidean', 'dot']).default('cosine').describe('Similarity metric used by vector indexes'),
    }),
  ])
  .describe('A field definition; `type` decides which other keys are allowed')
  .meta({ id: 'Field' });

export type Field = z.output<typeof FieldSchema>;
export type FieldInput = z.input<typeof FieldSchema>;

/** Field names: the key under `fields`. */
export const FieldNameSchema = snakeCaseName('Field name (snake_case); also the column name unless renamed');
