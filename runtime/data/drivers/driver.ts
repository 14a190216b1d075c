import type { Kysely } from 'kysely';
import type { DialectName } from '../../../compiler/migrate/dialect.js';
import type { DynamicDatabase, QueryAdapter } from './query-adapter.js';

/** An open database the engine runs queries on: the Kysely instance plus its dialect's adapter. */
export interface DataDriver {
  readonly dialect: DialectName;
  readonly db: Kysely<DynamicDatabase>;
  readonly adapter: QueryAdapter;
  /** The target without secrets, for messages and logs. */
  readonly description: string;
  /** Drops statements kept prepared (a schema reload changed what they read). */
  forgetStatements(): void;
  close(): Promise<void>;
}
