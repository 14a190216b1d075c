import { sql } from 'kysely';
import type { HealthCheckResult, HealthStatus } from '../../kernel/types.js';
import type { DataDriver } from './driver.js';

/** The database answers a trivial query, or the plugin serving it is unhealthy with the database's reason. */
export async function databaseHealth(driver: DataDriver): Promise<HealthStatus | HealthCheckResult> {
  try {
    await sql`select 1`.execute(driver.db);
    return 'healthy';
  } catch (error) {
    return { status: 'unhealthy', message: `${driver.description}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
