import { z } from 'zod';

export const ServerConfigSchema = z
  .strictObject({
    host: z.string().default('127.0.0.1').describe('Interface the HTTP server listens on'),
    port: z.number().int().min(0).max(65_535).default(3000).describe('TCP port (0 picks a free port)'),
    basePath: z.string().regex(/^\/[^\s]*$/, { message: 'must start with /' }).default('/api').describe('Prefix of the generated REST routes'),
  })
  .describe('HTTP server');

export type ServerConfig = z.output<typeof ServerConfigSchema>;
