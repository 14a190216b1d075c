import { z } from 'zod';

/** The metrics plugin's own settings (its `plugin.yml` declares the same keys and defaults; a test keeps them equal). */
export const MetricsPluginConfigSchema = z.object({
  prefix: z
    .string()
    .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a valid Prometheus metric name prefix (letters, digits, _ and :)')
    .default('objectstack_'),
  defaultMetrics: z.boolean().default(true),
  countEvents: z.boolean().default(true),
});

export type MetricsPluginConfig = z.output<typeof MetricsPluginConfigSchema>;
