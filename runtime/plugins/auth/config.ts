import { z } from 'zod';

/** The auth plugin's settings (manifest defaults already applied by the kernel); secrets come from `${env:…}`. */
export const AuthPluginConfigSchema = z.object({
  jwtSecret: z.string().min(1).optional(),
  jwtPublicKey: z.string().min(1).optional(),
  apiKeys: z.record(z.string(), z.string().min(1)).default({}),
  apiKeyHeader: z.string().min(1).default('x-api-key'),
  userIdClaim: z.string().min(1).default('sub'),
  sessionTtlSeconds: z.number().int().positive().default(3600),
});

export type AuthPluginConfig = z.output<typeof AuthPluginConfigSchema>;
export type AuthPluginConfigInput = z.input<typeof AuthPluginConfigSchema>;
