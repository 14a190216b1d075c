import type { StackIR } from '../../compiler/ir/types.js';
import { stackDatabase } from '../../compiler/migrate/target-stack.js';

/**
 * The database `serve` uses: `--database` when given, else the stack's default datasource URL, else a SQLite file
 * `.objectstack/dev.db` beside the stack (WAL mode, created on first start).
 */
export function databaseTarget(ir: StackIR, override: string | undefined): string {
  return override ?? stackDatabase(ir);
}
