import { z } from 'zod';

export const EncryptionConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false).describe('Encrypt data at rest'),
    algorithm: z.enum(['aes-256-gcm', 'aes-256-cbc', 'chacha20-poly1305']).default('aes-256-gcm').describe('Cipher'),
    keyManagement: z
      .strictObject({
        provider: z.enum(['env', 'file', 'aws-kms', 'gcp-kms', 'azure-keyvault', 'vault']).default('env').describe('Where the master key lives'),
        keyId: z.string().optional().describe('Key id, file path or environment variable name, depending on the provider'),
        rotationDays: z.number().int().positive().default(90).describe('Key rotation period, in days'),
      })
      .prefault({})
      .describe('Key management'),
    scope: z
      .enum(['field', 'record', 'database'])
      .default('field')
      .describe('field: listed fields and secret/password fields; record: whole rows; database: rely on storage encryption'),
    fields: z.array(z.string()).default([]).describe('Fields encrypted under the field scope, as object.field'),
  })
  .describe('Encryption at rest');
