import type { PropertyModel } from './model.js';

/**
 * What the column cannot hold, so that PostgreSQL never refuses a value SQLite would take: integers beyond the safe
 * range, decimals with more integer digits than `precision - scale`.
 */
export function columnProblem(property: PropertyModel, value: unknown): string | undefined {
  const logical = property.logical;
  if (typeof value !== 'number' || !logical) return undefined;
  if (logical.type === 'integer' && !Number.isSafeInteger(value)) return `must be a whole number between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
  if (logical.type === 'decimal' && logical.precision !== undefined) {
    const digits = logical.precision - (logical.scale ?? 0);
    if (Math.abs(value) >= 10 ** digits) return `must be less than ${10 ** digits} in absolute value (${digits} digits before the decimal point)`;
  }
  return undefined;
}

/** Decimals rounded to their scale here, as PostgreSQL would on storing, so both dialects return the same number. */
export function fittedToColumn(property: PropertyModel, value: unknown): unknown {
  const logical = property.logical;
  if (typeof value !== 'number' || logical?.type !== 'decimal') return value;
  const factor = 10 ** (logical.scale ?? 0);
  return Math.round(value * factor) / factor;
}
