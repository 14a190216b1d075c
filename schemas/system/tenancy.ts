import { z } from 'zod';

export const TenancyConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false).describe('Serve several tenants from one deployment'),
    strategy: z
      .enum(['shared_schema', 'isolated_schema', 'isolated_db'])
      .default('shared_schema')
      .describe('shared_schema: one table set with a tenant column; isolated_schema: one database schema per tenant; isolated_db: one database per tenant'),
    tenantField: z.string().default('tenant_id').describe('Tenant column added to every tenant-scoped table (shared_schema)'),
    schemaPrefix: z.string().default('tenant_').describe('Prefix of per-tenant schema names (isolated_schema)'),
    databaseUrlTemplate: z.string().optional().describe('Per-tenant database URL with a {tenant} placeholder (isolated_db)'),
    resolution: z
      .strictObject({
        from: z.enum(['header', 'subdomain', 'jwt_claim', 'path']).default('header').describe('Where the tenant id is read from each request'),
        key: z.string().default('x-tenant-id').describe('Header name, JWT claim or path parameter holding the tenant id'),
      })
      .prefault({})
      .describe('How each request is mapped to a tenant'),
  })
  .refine((tenancy) => tenancy.strategy !== 'isolated_db' || tenancy.databaseUrlTemplate !== undefined, {
    path: ['databaseUrlTemplate'],
    message: 'the isolated_db strategy needs `databaseUrlTemplate`, e.g. postgres://127.0.0.1/app_{tenant}',
  })
  .describe('Multi-tenancy');
