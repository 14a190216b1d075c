import type { DatabaseConnection } from './database.js';
import type { PlannedOperation } from './operations.js';

/**
 * Runs each operation's probe against the live database (read-only SELECTs) and records how many rows the change
 * affects, so "may fail on existing rows" becomes "fails on 3 rows" or "affects no row".
 */
export async function measureImpact(operations: readonly PlannedOperation[], connection: DatabaseConnection): Promise<PlannedOperation[]> {
  const measured: PlannedOperation[] = [];
  for (const planned of operations) {
    if (planned.probe === null) {
      measured.push(planned);
      continue;
    }
    const rows = await connection.query(planned.probe);
    measured.push({ ...planned, affectedRows: Number(rows[0]?.['count'] ?? 0) });
  }
  return measured;
}
