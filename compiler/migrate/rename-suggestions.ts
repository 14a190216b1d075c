import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaLocations } from './locations.js';
import type { Operation } from './operations.js';
import type { PhysicalColumn, PhysicalSchema, PhysicalTable } from './physical.js';
import type { TableOwners } from './plan.js';
import type { RenameHints } from './renames.js';

/** Type and attributes, without the name: two columns with the same signature hold the same kind of data. */
function columnSignature(column: PhysicalColumn): string {
  const reference = column.references ? `${column.references.table}.${column.references.column}:${column.references.onDelete}` : '';
  const check = column.check ? [...column.check.values].sort().join(',') : '';
  return [column.type, column.notNull, column.default ?? '', check, reference].join('|');
}

function tableSignature(table: PhysicalTable): string {
  return table.columns
    .map((column) => `${column.name}=${columnSignature(column)}`)
    .sort()
    .join(';');
}

/**
 * Warnings for drop + add pairs that look like renames (matched through signature maps, so linear), and for
 * `renamedFrom` hints that matched nothing.
 */
export function renameSuggestions(
  operations: readonly Operation[],
  to: PhysicalSchema,
  performed: RenameHints,
  hints: RenameHints,
  owners: TableOwners,
  locations: SchemaLocations,
): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const droppedColumns = new Map<string, PhysicalColumn[]>();
  const droppedTables = new Map<string, PhysicalTable[]>();
  for (const operation of operations) {
    if (operation.kind === 'drop_column') {
      const key = `${operation.table}\0${columnSignature(operation.column)}`;
      droppedColumns.set(key, [...(droppedColumns.get(key) ?? []), operation.column]);
    }
    if (operation.kind === 'drop_table') {
      const key = tableSignature(operation.table);
      droppedTables.set(key, [...(droppedTables.get(key) ?? []), operation.table]);
    }
  }
  const targetTables = new Map(to.tables.map((table) => [table.name, table]));
  for (const operation of operations) {
    if (operation.kind === 'add_column') {
      const object = owners.objectOf(operation.table);
      const field = operation.column.field ?? operation.column.name;
      const at = locations.field(object, field) ?? locations.object(object);
      const hinted = hints.columns.get(operation.table)?.get(operation.column.name);
      if (hinted !== undefined && performed.columns.get(operation.table)?.get(operation.column.name) === undefined) {
        diagnostics.push({
          code: 'OS6003',
          message: `renamedFrom: ${hinted} on field "${field}" of "${object}" matches no column of the previous schema, so "${field}" is added as a new, empty column`,
          at: locations.renamedFrom(object, field) ?? at ?? { file: '', path: [] },
          hint: 'correct the old name, or remove renamedFrom once every database is past the rename',
        });
        continue;
      }
      const candidate = droppedColumns.get(`${operation.table}\0${columnSignature(operation.column)}`)?.[0];
      if (candidate === undefined || at === null) continue;
      diagnostics.push({
        code: 'OS6001',
        message: `field "${field}" of "${object}" is new and "${candidate.name}" is dropped with the same type and attributes: as written, the values of "${candidate.name}" are deleted`,
        at,
        hint: `if "${field}" is "${candidate.name}" renamed, add \`renamedFrom: ${candidate.name}\` to "${field}" to keep the data`,
      });
    }
    if (operation.kind === 'create_table' && (operation.table.field ?? null) === null) {
      const candidate = droppedTables.get(tableSignature(operation.table))?.[0];
      const object = operation.table.object ?? operation.table.name;
      const at = locations.object(object);
      if (candidate === undefined || at === null || !targetTables.has(operation.table.name)) continue;
      diagnostics.push({
        code: 'OS6002',
        message: `object "${object}" is new and table "${candidate.name}" is dropped with the same columns: as written, every row of "${candidate.name}" is deleted`,
        at,
        hint: `if "${object}" is "${candidate.name}" renamed, declare renamedFrom: ${candidate.name} on the object to keep the rows`,
      });
    }
  }
  return diagnostics;
}
