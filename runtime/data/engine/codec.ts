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

/**
 * A column value as the API value, identical for both dialects: numbers as numbers, booleans as booleans, datetimes
 * as ISO strings, JSON-ish values parsed, autonumbers formatted (`createdAt` feeds the date parts of the format).
 */
export function decodeValue(property: PropertyModel, raw: unknown, adapter: QueryAdapter, createdAt: string | null): DataValue {
  if (raw === null || raw === undefined) return null;
  switch (property.kind) {
    case 'json':
      return adapter.decodeJson(raw) as DataValue;
    case 'boolean':
      return adapter.decodeBoolean(raw);
    case 'integer':
    case 'number':
      return Number(raw);
    case 'datetime':
      return adapter.decodeDateTime(raw);
    case 'autonumber': {
      const def = property.field?.def;
      return formatAutonumber(def?.type === 'autonumber' ? def.autonumberFormat : '{0}', Number(raw), createdAt);
    }
    default:
      return String(raw);
  }
}
