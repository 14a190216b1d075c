import { z } from 'zod';

/** Every field type of the ObjectStack protocol, in the protocol's order (text types first, vector last). */
export const FIELD_TYPES = [
  'text', 'textarea', 'email', 'url', 'phone', 'password', 'secret',
  'markdown', 'html', 'richtext',
  'number', 'currency', 'percent',
  'date', 'datetime', 'time',
  'boolean', 'toggle',
  'select', 'multiselect', 'radio', 'checkboxes',
  'lookup', 'master_detail', 'tree', 'user',
  'image', 'file', 'avatar', 'video', 'audio',
  'formula', 'summary', 'autonumber',
  'composite', 'repeater', 'record',
  'location', 'address', 'code', 'json', 'color', 'rating', 'slider', 'signature', 'qrcode', 'progress', 'tags',
  'vector',
] as const;

export const FieldTypeSchema = z.enum(FIELD_TYPES).describe('Field data type: decides the storage column, the API shape and which extra keys the field accepts');

export type FieldType = z.output<typeof FieldTypeSchema>;
