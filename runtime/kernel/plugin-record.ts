import type { KernelPluginContext } from './context.js';
import type { LifecyclePhase, PluginConfig, PluginFailure, PluginManifest, PluginModule, PluginRegistration, PluginState } from './types.js';

/** Everything the kernel knows about one registered plugin. */
export interface PluginRecord {
  readonly manifest: PluginManifest;
  readonly config: PluginConfig;
  readonly registration: PluginRegistration;
  module: PluginModule | undefined;
  context: KernelPluginContext;
  state: PluginState;
  failure: PluginFailure | undefined;
  /** How many times the module was (re)imported; the cache-busting query of the next reload. */
  generation: number;
}

/** Runs one lifecycle hook (absent hooks are no-ops) and returns its duration in ms. */
export async function runPhase(
  module: PluginModule,
  context: KernelPluginContext,
  phase: LifecyclePhase,
): Promise<number> {
  const started = performance.now();
  const hook = module[phase];
  if (hook) await hook.call(module, context);
  return performance.now() - started;
}
