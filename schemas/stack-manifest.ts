import { z } from 'zod';
import { PluginIdSchema, PluginVersionSchema } from './plugin.js';

export const StackManifestSchema = z
  .strictObject({
    id: PluginIdSchema.describe('Stack package id in reverse-DNS form, e.g. com.acme.crm'),
    name: z.string().min(1).describe('Display name of the application'),
    version: PluginVersionSchema.describe('Stack version (semver x.y.z)'),
    namespace: z
      .string()
      .regex(/^[a-z][a-z0-9]*$/, { message: 'must be lowercase letters and digits, starting with a letter' })
      .optional()
      .describe('Prefix every object name must carry (as namespace__name) so packages can be combined without collisions'),
    description: z.string().optional().describe('What the application does'),
  })
  .describe('The stack\'s own package identity');

export type StackManifest = z.output<typeof StackManifestSchema>;
