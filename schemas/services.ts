import { z } from 'zod';

/** Kernel services by tier: `required` must be provided, a missing `core` one is a warning, `optional` ones are extras. */
export const SERVICE_TIERS = {
  required: ['data'],
  core: ['metadata', 'auth', 'cache', 'queue', 'job', 'i18n'],
  optional: ['storage', 'file-storage', 'search', 'automation', 'analytics', 'realtime', 'notification', 'ai', 'ui', 'graphql', 'workflow'],
} as const;

export const CORE_SERVICE_NAMES = [...SERVICE_TIERS.required, ...SERVICE_TIERS.core, ...SERVICE_TIERS.optional] as const;

export const CoreServiceNameSchema = z
  .enum(CORE_SERVICE_NAMES)
  .describe('A kernel service: data (required); metadata, auth, cache, queue, job, i18n (core); or an optional service');

export type CoreServiceName = z.output<typeof CoreServiceNameSchema>;
export type ServiceTier = keyof typeof SERVICE_TIERS;

export function serviceTier(service: CoreServiceName): ServiceTier {
  if ((SERVICE_TIERS.required as readonly string[]).includes(service)) return 'required';
  if ((SERVICE_TIERS.core as readonly string[]).includes(service)) return 'core';
  return 'optional';
}
