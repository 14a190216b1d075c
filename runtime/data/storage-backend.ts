import { sql } from 'kysely';
import type { StorageBackend } from '../kernel/types.js';
import type { DataDriver } from './drivers/driver.js';

export const PLUGIN_STORAGE_TABLE = '_plugin_storage';

type StorageRow = { namespace: string; key: string; value: string };

/**
 * The kernel's plugin storage kept in the database (`_plugin_storage`: namespace = plugin id, key, JSON value), so
 * what a plugin stores survives a restart. Values are stored as JSON text: anything JSON can hold round-trips;
 * `undefined` entries are dropped and a `Date` comes back as its ISO string. The table is created on first use.
 */
export class SqlStorageBackend implements StorageBackend {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly driver: DataDriver,
    private readonly table: string = PLUGIN_STORAGE_TABLE,
  ) {}

  async get(namespace: string, key: string): Promise<unknown> {
    await this.ensureTable();
    const row = (await this.driver.db
      .selectFrom(this.table)
      .select('value')
      .where(sql.ref('namespace'), '=', namespace)
      .where(sql.ref('key'), '=', key)
      .executeTakeFirst()) as Pick<StorageRow, 'value'> | undefined;
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  async set(namespace: string, key: string, value: unknown): Promise<void> {
    await this.ensureTable();
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`plugin storage: the value for "${key}" cannot be stored (not JSON)`);
    const row: StorageRow = { namespace, key, value: text };
    await this.driver.db
      .insertInto(this.table)
      .values(row)
      .onConflict((conflict) => conflict.columns(['namespace', 'key']).doUpdateSet({ value: text }))
      .execute();
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    await this.ensureTable();
    const result = await this.driver.db
      .deleteFrom(this.table)
      .where(sql.ref('namespace'), '=', namespace)
      .where(sql.ref('key'), '=', key)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(namespace: string, prefix = ''): Promise<string[]> {
    await this.ensureTable();
    const rows = (await this.driver.db
      .selectFrom(this.table)
      .select('key')
      .where(sql.ref('namespace'), '=', namespace)
      .where(sql`substr(${sql.ref('key')}, 1, ${[...prefix].length})`, '=', prefix)
      .execute()) as Pick<StorageRow, 'key'>[];
    // Sorted here rather than in SQL: the order must not depend on the database's collation.
    return rows.map((row) => row.key).sort();
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.driver.db.schema
      .createTable(this.table)
      .ifNotExists()
      .addColumn('namespace', 'text', (column) => column.notNull())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('value', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint(`pk_${this.table}`, ['namespace', 'key'])
      .execute()
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }
}
