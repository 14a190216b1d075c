import type { FieldIR } from '../../../compiler/ir/types.js';
import type { FormulaValue } from './formula/parse.js';
import type { DataValue } from './types.js';

/** A formula's result in its declared `returnType`: numbers rounded to `scale`, dates cut to the day, null when it cannot be one. */
export function coerceFormulaResult(field: FieldIR, value: FormulaValue): DataValue {
  const def = field.def;
  if (def.type !== 'formula' || value === null) return value;
  switch (def.returnType) {
    case 'number':
    case 'currency':
    case 'percent': {
      const number = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(number)) return null;
      return def.scale !== undefined ? Math.round(number * 10 ** def.scale) / 10 ** def.scale : number;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value !== 0 && value !== '';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
    default:
      return typeof value === 'number' && !Number.isInteger(value) ? String(Math.round(value * 1e10) / 1e10) : String(value);
  }
}
