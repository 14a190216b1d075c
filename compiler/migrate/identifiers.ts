import { createHash } from 'node:crypto';

/** PostgreSQL truncates identifiers at 63 bytes; names are shortened the same way on every dialect so they match. */
export const MAX_IDENTIFIER_LENGTH = 63;

/** A derived name that fits: long ones keep a readable prefix and end in a short hash of the full name. */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_LENGTH) return name;
  const suffix = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1)}_${suffix}`;
}

export function uniqueIndexName(table: string, columns: readonly string[]): string {
  return fitIdentifier(`uniq_${table}_${columns.join('_')}`);
}

export function plainIndexName(table: string, columns: readonly string[]): string {
  return fitIdentifier(`idx_${table}_${columns.join('_')}`);
}
