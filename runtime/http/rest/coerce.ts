import type { PropertyAccess, ScalarShape } from '../../../compiler/emit/field-mapping/index.js';
import type { ScalarValue } from '../../data/engine/types.js';
import { badRequest } from '../errors.js';

/**
 * A query-string value as the field's type: `?filter[amount][gt]=10` compares with the number 10, `=true` with the
 * boolean. Everything else stays text; the engine checks it against the field.
 */
export function coerceQueryValue(property: PropertyAccess | undefined, raw: string): ScalarValue {
  if (raw === 'null') return null;
  const shape = property ? scalarOf(property) : undefined;
  if (shape?.kind === 'number') {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) {
      throw badRequest(`Filter value '${raw}' for ${property!.name} is not a number`, [{ field: property!.name, problem: 'expected a number' }]);
    }
    return value;
  }
  if (shape?.kind === 'boolean') {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw badRequest(`Filter value '${raw}' for ${property!.name} is not true or false`, [{ field: property!.name, problem: 'expected true or false' }]);
  }
  return raw;
}

function scalarOf(property: PropertyAccess): ScalarShape {
  return property.shape.kind === 'list' ? property.shape.item : property.shape;
}
