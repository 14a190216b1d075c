import { z } from 'zod';
import { CacheConfigSchema } from './cache.js';
import { ComplianceConfigSchema } from './compliance.js';
import { EncryptionConfigSchema } from './encryption.js';
import { LoggingConfigSchema } from './logging.js';
import { QueueConfigSchema } from './queue.js';
import { SearchConfigSchema } from './search.js';
import { TenancyConfigSchema } from './tenancy.js';
import { TracingConfigSchema } from './tracing.js';

/** The `system` section. Every sub-section has defaults, so `SystemSchema.parse({})` is a complete configuration. */
export const SystemSchema = z
  .strictObject({
    logging: LoggingConfigSchema.prefault({}),
    tracing: TracingConfigSchema.prefault({}),
    cache: CacheConfigSchema.prefault({}),
    queue: QueueConfigSchema.prefault({}),
    search: SearchConfigSchema.prefault({}),
    compliance: ComplianceConfigSchema.prefault({}),
    tenancy: TenancyConfigSchema.prefault({}),
    encryption: EncryptionConfigSchema.prefault({}),
  })
  .describe('Runtime configuration: logging, tracing, cache, queue, search, compliance, tenancy, encryption');

export type SystemConfig = z.output<typeof SystemSchema>;
export type SystemConfigInput = z.input<typeof SystemSchema>;

export {
  CacheConfigSchema, ComplianceConfigSchema, EncryptionConfigSchema, LoggingConfigSchema, QueueConfigSchema,
  SearchConfigSchema, TenancyConfigSchema, TracingConfigSchema,
};
