import { z } from 'zod';

/** The queue plugin's own settings (its `plugin.yml` declares the same keys and defaults; a test keeps them equal). */
export const QueuePluginConfigSchema = z.object({
  prefix: z.string().min(1).default('objectstack'),
  visibilityTimeoutMs: z.number().int().min(100).default(30_000),
  backoffMultiplier: z.number().min(1).default(2),
  jitter: z.number().min(0).max(1).default(0.1),
});

export type QueuePluginConfig = z.output<typeof QueuePluginConfigSchema>;
