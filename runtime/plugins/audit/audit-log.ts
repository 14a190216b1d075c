import { sql } from 'kysely';
import type { DataDriver } from '../../data/drivers/driver.js';
import { newRecordId } from '../../data/engine/id.js';
import type { DataOperation } from '../../kernel/types.js';
import type { FieldChange } from './changes.js';

export type AuditOperation = Exclude<DataOperation, 'find'>;

/** One recorded data change. */
export interface AuditEntry {
  /** Time-ordered id (UUIDv7): entries sort by when they were written. */
  readonly id: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  readonly userId: string | null;
  readonly object: string;
  readonly recordId: string;
  readonly operation: AuditOperation;
  readonly changes: Readonly<Record<string, FieldChange>>;
}

export interface AuditQuery {
  readonly object?: string;
  readonly recordId?: string;
  /** Default 100. */
  readonly limit?: number;
  readonly offset?: number;
}

type AuditRow = {
  id: string;
  at: string;
  user_id: string | null;
  object: string;
  record_id: string;
  operation: string;
  changes: string;
};

/**
 * The `_audit_log` table: one row per change, the field changes as JSON text (the same in both dialects). Created
 * by the plugin when missing, since it belongs to the platform rather than to the stack's objects.
 */
export class AuditLog {
  constructor(
    private readonly driver: DataDriver,
    private readonly table: string,
  ) {}

  async ensureTable(): Promise<void> {
    const { schema } = this.driver.db;
    await schema
      .createTable(this.table)
      .ifNotExists()
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text')
      .addColumn('object', 'text', (column) => column.notNull())
      .addColumn('record_id', 'text', (column) => column.notNull())
      .addColumn('operation', 'text', (column) => column.notNull())
      .addColumn('changes', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createIndex(`idx_${this.table}_record`)
      .ifNotExists()
      .on(this.table)
      .columns(['object', 'record_id'])
      .execute();
  }

  async append(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    const row: AuditRow = {
      id: newRecordId(Date.parse(entry.at)),
      at: entry.at,
      user_id: entry.userId,
      object: entry.object,
      record_id: entry.recordId,
      operation: entry.operation,
      changes: JSON.stringify(entry.changes),
    };
    await this.driver.db.insertInto(this.table).values(row).execute();
  }

  /** Entries in the order they were written, optionally for one object and one record. */
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    let select = this.driver.db.selectFrom(this.table).selectAll();
    if (query.object !== undefined) select = select.where(sql.ref('object'), '=', query.object);
    if (query.recordId !== undefined) select = select.where(sql.ref('record_id'), '=', query.recordId);
    const rows = (await select
      .orderBy(sql.ref('id'))
      .limit(query.limit ?? 100)
      .offset(query.offset ?? 0)
      .execute()) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      object: row.object,
      recordId: row.record_id,
      operation: row.operation as AuditOperation,
      changes: JSON.parse(row.changes) as Record<string, FieldChange>,
    }));
  }

  /** Deletes entries written before `cutoff`; returns how many. */
  async prune(cutoff: Date): Promise<number> {
    const result = await this.driver.db
      .deleteFrom(this.table)
      .where(sql.ref('at'), '<', cutoff.toISOString())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
