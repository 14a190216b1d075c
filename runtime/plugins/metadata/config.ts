import { z } from 'zod';

/** The metadata plugin's own settings (its `plugin.yml` declares the same keys and defaults). */
export const MetadataPluginConfigSchema = z.object({
  includeHidden: z.boolean().default(false),
});

export type MetadataPluginConfigInput = z.input<typeof MetadataPluginConfigSchema>;
