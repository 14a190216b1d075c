import { z } from 'zod';

export const DATASOURCE_DRIVERS = ['sqlite', 'postgres'] as const;

export const DatasourceSchema = z
  .strictObject({
    driver: z.enum(DATASOURCE_DRIVERS).describe('Database dialect'),
    url: z
      .string()
      .min(1)
      .describe('Connection URL: file:./data/app.db or :memory: for sqlite, postgres://user@host:5432/db for postgres; ${env:DATABASE_URL} reads the environment'),
    schema: z.string().optional().describe('PostgreSQL schema holding the tables (public when omitted)'),
    pool: z
      .strictObject({
        min: z.number().int().min(0).default(0).describe('Connections kept open when idle'),
        max: z.number().int().min(1).default(10).describe('Most open connections'),
      })
      .optional()
      .describe('Connection pool (postgres)'),
  })
  .describe('A database connection');

export type Datasource = z.output<typeof DatasourceSchema>;
