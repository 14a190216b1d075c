import type { Kernel } from '../../../../runtime/kernel/index.js';
import { createKernel } from '../../../../runtime/kernel/index.js';
import type { ObjectDef, PluginConfig, PluginModule } from '../../../../runtime/kernel/types.js';
import { readBuiltinManifest, type BuiltinPluginId } from '../../../../runtime/plugins/builtins.js';
import dataPlugin from '../../../../runtime/plugins/data/index.js';
import { captureLogs } from '../../../../runtime/testing/index.js';
import type { StackIR } from '../../../../compiler/ir/types.js';
import { migratedDriver, type DatabaseUnderTest } from './database.js';

export interface BootedStack {
  readonly kernel: Kernel;
  readonly logs: Record<string, unknown>[];
  readonly database: string;
}

/**
 * A migrated database for the stack and a real kernel booted with the data plugin on it (config `url`), plus the
 * given built-ins (their manifests from their folders, their modules imported directly).
 */
export async function bootWithData(
  ir: StackIR,
  database: DatabaseUnderTest,
  scenario: string,
  plugins: readonly { id: BuiltinPluginId; module: PluginModule; config?: PluginConfig }[] = [],
  dataConfig: Record<string, unknown> = {},
): Promise<BootedStack> {
  const target = await database.fresh(scenario);
  await (await migratedDriver(ir, target, database.dialect)).close();
  const logs: Record<string, unknown>[] = [];
  const kernel = createKernel({ objects: objectsJson(ir), logDestination: captureLogs(logs) });
  kernel.register({ manifest: await readBuiltinManifest('com.objectstack.data'), module: dataPlugin, config: { url: target, ...dataConfig } });
  for (const plugin of plugins) {
    kernel.register({ manifest: await readBuiltinManifest(plugin.id), module: plugin.module, ...(plugin.config ? { config: plugin.config } : {}) });
  }
  const report = await kernel.start();
  if (report.failed.length > 0) throw report.failed[0]?.error;
  return { kernel, logs, database: target };
}

/** The object definitions as the generated bootstrap hands them to the kernel: read back from `objects.json` text. */
export function objectsJson(ir: StackIR): ObjectDef[] {
  return JSON.parse(JSON.stringify(ir.objects.map((object) => object.def))) as ObjectDef[];
}
