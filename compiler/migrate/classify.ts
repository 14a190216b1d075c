import { quoteIdentifier as q } from './dialect.js';
import type { Dialect } from './dialect.js';
import type { Classification, Operation } from './operations.js';
import type { PhysicalColumn } from './physical.js';
import type { RenameHints } from './renames.js';

export interface Judgement {
  readonly classification: Classification;
  readonly summary: string;
  readonly reason: string;
  /** Counts affected rows in the database as it is before the change (so it uses the old names). */
  readonly probe: string | null;
}

/** Names as they are in the database before the plan runs: the probes run there. */
class SourceNames {
  constructor(private readonly renames: RenameHints) {}
  table(name: string): string {
    return this.renames.tables.get(name) ?? name;
  }
  column(table: string, name: string): string {
    return this.renames.columns.get(table)?.get(name) ?? name;
  }
}

export function judge(operation: Operation, dialect: Dialect, renames: RenameHints): Judgement {
  const source = new SourceNames(renames);
  const countRows = (table: string, where?: string) =>
    `SELECT count(*) AS count FROM ${q(source.table(table))}${where ? ` WHERE ${where}` : ''}`;
  switch (operation.kind) {
    case 'create_table':
      return safe(`create table ${q(operation.table.name)} (${operation.table.columns.length} columns)`, 'a new table holds no data yet');
    case 'drop_table':
      return {
        classification: 'destructive',
        summary: `drop table ${q(operation.table.name)}`,
        reason: 'every row of the table is deleted',
        probe: countRows(operation.table.name),
      };
    case 'rename_table':
      return {
        classification: 'backward-incompatible',
        summary: `rename table ${q(operation.from)} to ${q(operation.to)}`,
        reason: 'rows are kept; API clients using the old object name break',
        probe: null,
      };
    case 'add_column': {
      const { column, table } = operation;
      const summary = `add column ${q(table)}.${q(column.name)} ${describeColumn(column)}`;
      if (column.notNull && column.default === null) {
        return {
          classification: 'data-dependent',
          summary,
          reason: `NOT NULL without a default fails when ${q(table)} already has rows`,
          probe: countRows(table),
        };
      }
      if (column.references !== null) {
        return safe(summary, 'the new column starts empty, so no row breaks the foreign key');
      }
      return safe(summary, column.default !== null ? `existing rows get the default ${column.default}` : 'existing rows get NULL');
    }
    case 'drop_column': {
      const { column, table } = operation;
      return {
        classification: 'destructive',
        summary: `drop column ${q(table)}.${q(column.name)}`,
        reason: 'the values in the column are deleted',
        probe: countRows(table, `${q(source.column(table, column.name))} IS NOT NULL`),
      };
    }
    case 'rename_column':
      return {
        classification: 'backward-incompatible',
        summary: `rename column ${q(operation.table)}.${q(operation.from)} to ${q(operation.to)}`,
        reason: 'values are kept; API clients using the old field name break',
        probe: null,
      };
    case 'alter_column':
      return judgeAlter(operation, dialect, source, countRows);
    case 'add_index': {
      const { index, table } = operation;
      const summary = `add ${index.unique ? 'unique ' : ''}index ${q(index.name)} on ${q(table)} (${index.columns.map(q).join(', ')})`;
      if (!index.unique) return safe(summary, 'an index changes no data');
      const columns = index.columns.map((column) => q(source.column(table, column)));
      const notNull = columns.map((column) => `${column} IS NOT NULL`).join(' AND ');
      return {
        classification: 'data-dependent',
        summary,
        reason: 'fails when existing rows share a value',
        probe: `SELECT count(*) AS count FROM (SELECT 1 AS one FROM ${q(source.table(table))} WHERE ${notNull} GROUP BY ${columns.join(', ')} HAVING count(*) > 1) AS duplicates`,
      };
    }
    case 'drop_index':
      return safe(`drop index ${q(operation.index.name)} on ${q(operation.table)}`, 'an index holds no data of its own');
    case 'rename_index':
      return safe(`rename index ${q(operation.from)} to ${q(operation.to)}`, 'an index holds no data of its own');
  }
}

function judgeAlter(
  operation: Extract<Operation, { kind: 'alter_column' }>,
  dialect: Dialect,
  source: SourceNames,
  countRows: (table: string, where?: string) => string,
): Judgement {
  const { table, from, to, changes } = operation;
  const column = q(source.column(table, to.name));
  const parts: string[] = [];
  const risks: { reason: string; where: string }[] = [];
  for (const change of changes) {
    switch (change) {
      case 'type':
        parts.push(`type ${from.type} → ${to.type}`);
        if (dialect.typeChange(from.type, to.type) === 'convert') {
          risks.push({ reason: `converting ${from.type} to ${to.type} may fail or lose precision`, where: `${column} IS NOT NULL` });
        }
        break;
      case 'nullability':
        parts.push(to.notNull ? 'set NOT NULL' : 'drop NOT NULL');
        if (to.notNull) risks.push({ reason: 'NOT NULL fails on rows where the value is missing', where: `${column} IS NULL` });
        break;
      case 'default':
        parts.push(to.default === null ? 'drop default' : `default ${to.default}`);
        break;
      case 'check': {
        parts.push(to.check ? `allowed values (${to.check.values.join(', ')})` : 'any value allowed');
        const removed = from.check ? from.check.values.filter((value) => !to.check?.values.includes(value)) : [];
        if (to.check !== null && (from.check === null || removed.length > 0)) {
          risks.push({
            reason: from.check === null ? 'rows may hold values outside the new list' : `values no longer allowed: ${removed.join(', ')}`,
            where: `${column} IS NOT NULL AND ${column} NOT IN (${to.check.values.join(', ')})`,
          });
        }
        break;
      }
      case 'reference':
        parts.push(to.references ? `references ${q(to.references.table)} on delete ${to.references.onDelete}` : 'no foreign key');
        if (to.references && to.references.table !== from.references?.table) {
          risks.push({
            reason: `rows whose value matches no ${q(to.references.table)} record break the foreign key`,
            where: `${column} IS NOT NULL AND ${column} NOT IN (SELECT ${q(to.references.column)} FROM ${q(source.table(to.references.table))})`,
          });
        }
        break;
    }
  }
  const summary = `alter column ${q(table)}.${q(to.name)}: ${parts.join(', ')}`;
  if (risks.length === 0) return safe(summary, 'every existing value stays valid');
  return {
    classification: 'data-dependent',
    summary,
    reason: risks.map((risk) => risk.reason).join('; '),
    probe: countRows(table, risks.map((risk) => `(${risk.where})`).join(' OR ')),
  };
}

function safe(summary: string, reason: string): Judgement {
  return { classification: 'safe', summary, reason, probe: null };
}

export function describeColumn(column: PhysicalColumn): string {
  const parts = [column.type];
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== null) parts.push(`default ${column.default}`);
  if (column.references) parts.push(`→ ${column.references.table}`);
  return parts.join(' ');
}
