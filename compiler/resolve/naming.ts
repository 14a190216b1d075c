import { createHash } from 'node:crypto';

/** PostgreSQL truncates identifiers beyond 63 bytes, which would silently merge distinct generated names. */
const MAX_IDENTIFIER = 63;

/** `idx_<table>_<columns>` (`uniq_…` when unique), shortened with a hash suffix when too long for PostgreSQL. */
export function indexName(table: string, columns: readonly string[], unique: boolean): string {
  return fitIdentifier(`${unique ? 'uniq' : 'idx'}_${table}_${columns.join('_')}`);
}

/** The join table of a multi-valued lookup. */
export function joinTableName(table: string, field: string): string {
  return fitIdentifier(`${table}__${field}`);
}

/** Keeps a generated name within 63 bytes: a readable prefix plus 8 hex digits of the full name's hash. */
export function fitIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - 1)}_${hash}`;
}
