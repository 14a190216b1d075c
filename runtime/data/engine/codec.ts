import type { QueryAdapter } from '../drivers/query-adapter.js';
import { formatAutonumber } from './autonumber.js';
import type { PropertyModel } from './model.js';
import type { DataValue } from './types.js';

/** An API value (already validated) as the parameter for its column. */
export function encodeValue(property: PropertyModel, value: unknown, adapter: QueryAdapter): unknown {
  if (value === null || value === undefined) return null;
  switch (property.kind) {
    case 'json':
      return adapter.encodeJson(value);
    case 'boolean':
      return adapter.encodeBoolean(value === true);
    default:
      return value;
  }
}

/** One column of a stored row as its API value (`row` gives an autonumber its record's creation date). */
export type ColumnDecoder = (raw: unknown, row: Readonly<Record<string, unknown>>) => DataValue;

/**
 * How a column value becomes the API value, identical for both dialects: numbers as numbers, booleans as booleans,
 * datetimes as ISO strings, JSON-ish values parsed, autonumbers formatted. Chosen once per property, not per value.
 */
export function columnDecoder(property: PropertyModel, adapter: QueryAdapter): ColumnDecoder {
  const nullable = (decode: (raw: NonNullable<unknown>, row: Readonly<Record<string, unknown>>) => DataValue): ColumnDecoder => (raw, row) =>
    raw === null || raw === undefined ? null : decode(raw, row);
  switch (property.kind) {
    case 'json':
      return nullable((raw) => adapter.decodeJson(raw) as DataValue);
    case 'boolean':
      return nullable((raw) => adapter.decodeBoolean(raw));
    case 'integer':
    case 'number':
      return nullable((raw) => Number(raw));
    case 'datetime':
      return nullable((raw) => adapter.decodeDateTime(raw));
    case 'autonumber': {
      const def = property.field?.def;
      const format = def?.type === 'autonumber' ? def.autonumberFormat : '{0}';
      return nullable((raw, row) => {
        const created = row['created_at'];
        const createdAt = typeof created === 'string' || created instanceof Date ? adapter.decodeDateTime(created) : null;
        return formatAutonumber(format, Number(raw), createdAt);
      });
    }
    default:
      return nullable((raw) => String(raw));
  }
}
