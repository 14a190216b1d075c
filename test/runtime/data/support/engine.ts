import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createKernel, type Kernel } from '../../../../runtime/kernel/index.js';
import { captureLogs } from '../../../../runtime/testing/index.js';
import type { DataDriver } from '../../../../runtime/data/drivers/index.js';
import { createDataEngine, type DataEngine, type DataEngineOptions } from '../../../../runtime/data/engine/index.js';
import type { StackIR } from '../../../../compiler/ir/types.js';
import { migratedDriver, type DatabaseUnderTest } from './database.js';

/**
 * Counts the statements run, to prove that reads do not issue one query per record: those Kysely executes (counted
 * on results: the engine runs queries compiled earlier, which Kysely does not transform again) and those the driver
 * runs itself (`runNow`, see `counted`).
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++;
    return args.result;
  }
  /** A statement the driver ran itself (rows), or left to Kysely (undefined, counted there). */
  counted<Rows>(rows: Rows | undefined): Rows | undefined {
    if (rows !== undefined) this.count++;
    return rows;
  }
}

export interface EngineUnderTest {
  readonly engine: DataEngine;
  readonly kernel: Kernel;
  readonly driver: DataDriver;
  readonly queries: QueryCounter;
  close(): Promise<void>;
}

/** A migrated database for the stack, an engine on it wired to a real kernel's event bus. */
export async function engineUnderTest(
  ir: StackIR,
  database: DatabaseUnderTest,
  scenario: string,
  options: Partial<Omit<DataEngineOptions, 'objects' | 'driver'>> = {},
): Promise<EngineUnderTest> {
  const opened = await migratedDriver(ir, await database.fresh(scenario), database.dialect);
  const queries = new QueryCounter();
  const driver: DataDriver = {
    ...opened,
    db: opened.db.withPlugin(queries),
    runNow: (db, sql, parameters) => queries.counted(opened.runNow(db, sql, parameters)),
  };
  const kernel = createKernel({ requiredServices: [], logDestination: captureLogs([]) });
  await kernel.start();
  const engine = createDataEngine({ objects: ir.objects, driver, events: kernel.events, ...options });
  return {
    engine,
    kernel,
    driver,
    queries,
    async close() {
      await kernel.stop();
      await opened.close();
    },
  };
}
