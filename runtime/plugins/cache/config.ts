import { z } from 'zod';

/** The cache plugin's own settings (its `plugin.yml` declares the same keys and defaults; a test keeps them equal). */
export const CachePluginConfigSchema = z.object({
  namespace: z.string().min(1).default('cache:'),
});

export type CachePluginConfig = z.output<typeof CachePluginConfigSchema>;
