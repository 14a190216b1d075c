import type { FieldType } from '../../schemas/index.js';
import type { FieldIR } from '../ir/types.js';
import type { LogicalType } from './snapshot-schema.js';

/** What a stored field needs from its column, before a dialect spells it. */
export interface LogicalColumn {
  readonly type: LogicalType;
  readonly maxLength?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly options?: readonly string[];
}

const TEXT_TYPES = new Set<FieldType>([
  'text', 'textarea', 'email', 'url', 'phone', 'markdown', 'html', 'richtext', 'code', 'color', 'signature', 'qrcode',
]);
/** Stored as hashes or ciphertext: the declared length limits the plain value, not the column. */
const OPAQUE_TEXT_TYPES = new Set<FieldType>(['password', 'secret']);
const MEDIA_TYPES = new Set<FieldType>(['image', 'file', 'avatar', 'video', 'audio']);
const JSON_TYPES = new Set<FieldType>([
  'multiselect', 'checkboxes', 'tags', 'json', 'location', 'address', 'vector', 'composite', 'repeater', 'record',
]);
const REFERENCE_TYPES = new Set<FieldType>(['lookup', 'master_detail', 'tree', 'user']);
const NUMERIC_TYPES = new Set<FieldType>(['number', 'currency', 'percent']);

/** The column of a field whose `storage` is `column` (every other field has none). */
export function logicalColumnOf(field: FieldIR): LogicalColumn {
  const def = field.def as Readonly<Record<string, unknown>>;
  const multiple = def['multiple'] === true;
  if (multiple || JSON_TYPES.has(field.type)) return { type: 'json' };
  if (REFERENCE_TYPES.has(field.type)) return { type: 'id' };
  if (TEXT_TYPES.has(field.type)) return withLength({ type: 'text' }, def['maxLength']);
  if (OPAQUE_TEXT_TYPES.has(field.type) || MEDIA_TYPES.has(field.type)) return { type: 'text' };
  if (NUMERIC_TYPES.has(field.type)) return numericColumn(def['precision'], def['scale']);
  switch (field.type) {
    case 'select':
    case 'radio':
      return { type: 'text', options: optionValues(def['options']) };
    case 'boolean':
    case 'toggle':
      return { type: 'boolean' };
    case 'date':
    case 'datetime':
    case 'time':
      return { type: field.type };
    case 'autonumber':
    case 'rating':
      return { type: 'integer' };
    default:
      // slider, progress and anything numeric without declared precision
      return { type: 'real' };
  }
}

function withLength(column: LogicalColumn, maxLength: unknown): LogicalColumn {
  return typeof maxLength === 'number' && maxLength > 0 ? { ...column, maxLength } : column;
}

/** precision → exact decimal; scale 0 alone → integer; unbounded → floating point. */
function numericColumn(precision: unknown, scale: unknown): LogicalColumn {
  if (typeof precision === 'number') {
    return { type: 'decimal', precision, scale: typeof scale === 'number' ? Math.min(scale, precision) : 0 };
  }
  return scale === 0 ? { type: 'integer' } : { type: 'real' };
}

function optionValues(options: unknown): string[] {
  if (!Array.isArray(options)) return [];
  return options.map((option: { value: string }) => option.value);
}

/**
 * A database default only for a primitive that fits the column; anything else (`$currentUser`, `{now}`, objects,
 * functions) is an application default applied on write, not something the database can hold.
 */
export function databaseDefaultOf(column: LogicalColumn, value: unknown): string | number | boolean | undefined {
  switch (column.type) {
    case 'text':
      if (typeof value !== 'string' || /^\$|\{[^}]*\}/.test(value)) return undefined;
      if (column.options && !column.options.includes(value)) return undefined;
      return column.maxLength !== undefined && value.length > column.maxLength ? undefined : value;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'decimal':
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    default:
      return undefined;
  }
}
