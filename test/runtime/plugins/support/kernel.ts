import { Writable } from 'node:stream';
import { createKernel, type Kernel } from '../../../../runtime/kernel/kernel.js';
import type { PluginConfig, PluginRegistration } from '../../../../runtime/kernel/types.js';
import { builtinModuleUrl, readBuiltinManifest, type BuiltinPluginId } from '../../../../runtime/plugins/builtins.js';

export interface BootedKernel {
  kernel: Kernel;
  /** Parsed log lines of the kernel and every plugin. */
  logs: Array<Record<string, unknown>>;
}

/** Boots a real kernel with built-in plugins loaded from their own folders (manifest + entry module URL). */
export async function bootWithBuiltins(options: {
  system?: unknown;
  builtins: Array<{ id: BuiltinPluginId; config?: PluginConfig }>;
  extra?: PluginRegistration[];
}): Promise<BootedKernel> {
  const logs: Array<Record<string, unknown>> = [];
  const kernel = createKernel({
    system: options.system ?? {},
    requiredServices: [],
    logDestination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  });
  for (const { id, config } of options.builtins) {
    const url = builtinModuleUrl(id);
    if (!url) throw new Error(`${id} has no module yet`);
    kernel.register({ manifest: await readBuiltinManifest(id), url, ...(config ? { config } : {}) });
  }
  for (const registration of options.extra ?? []) kernel.register(registration);
  await kernel.start();
  return { kernel, logs };
}
