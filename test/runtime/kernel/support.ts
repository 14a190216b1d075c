import { createKernel, type Kernel, type KernelOptions, type PluginManifestInput, type PluginModule } from '../../../runtime/index.js';
import { captureLogs } from '../../../runtime/testing/index.js';

/** A valid manifest for tests: id and the fields a test cares about. */
export function manifest(id: string, extra: Partial<PluginManifestInput> = {}): PluginManifestInput {
  return { id, name: id, version: '1.0.0', ...extra };
}

/** A kernel whose log lines are parsed into `logs` instead of written to stdout. */
export function testKernel(options: KernelOptions = {}): { kernel: Kernel; logs: Record<string, unknown>[] } {
  const logs: Record<string, unknown>[] = [];
  return { kernel: createKernel({ requiredServices: ['data'], ...options, logDestination: captureLogs(logs) }), logs };
}

/** A plugin that appends `<phase>:<id>` to `calls` in each lifecycle hook. */
export function recordingPlugin(calls: string[], id: string, hooks: Partial<PluginModule> = {}): PluginModule {
  return {
    init: async (ctx) => {
      calls.push(`init:${id}`);
      await hooks.init?.(ctx);
    },
    start: async (ctx) => {
      calls.push(`start:${id}`);
      await hooks.start?.(ctx);
    },
    destroy: async (ctx) => {
      calls.push(`destroy:${id}`);
      await hooks.destroy?.(ctx);
    },
    ...(hooks.healthCheck ? { healthCheck: hooks.healthCheck } : {}),
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
