import { z } from 'zod';

/** The audit plugin's own settings (its `plugin.yml` declares the same keys and defaults). */
export const AuditPluginConfigSchema = z.object({
  table: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a table name: letters, digits and underscores')
    .default('_audit_log'),
  objects: z.array(z.string()).default([]),
  retentionDays: z.number().int().min(0).default(0),
});

export type AuditPluginConfig = z.output<typeof AuditPluginConfigSchema>;
export type AuditPluginConfigInput = z.input<typeof AuditPluginConfigSchema>;
