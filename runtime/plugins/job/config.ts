import { z } from 'zod';

export const JobDefinitionSchema = z
  .strictObject({
    name: z.string().min(1),
    cron: z.string().min(1).optional(),
    intervalMs: z.number().int().min(10).optional(),
    timezone: z.string().min(1).optional(),
    queue: z.string().min(1).optional(),
    payload: z.unknown().optional(),
    allowOverlap: z.boolean().default(false),
  })
  .refine((job) => (job.cron === undefined) !== (job.intervalMs === undefined), {
    message: 'give exactly one of `cron` (e.g. "*/5 * * * *") or `intervalMs` (e.g. 60000)',
  });

/** The job plugin's own settings (its `plugin.yml` declares the same keys and defaults; a test keeps them equal). */
export const JobPluginConfigSchema = z.object({
  queue: z.string().min(1).default('jobs'),
  timezone: z.string().min(1).default('UTC'),
  jobs: z.array(JobDefinitionSchema).default([]),
});

export type JobPluginConfig = z.output<typeof JobPluginConfigSchema>;
