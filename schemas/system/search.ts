import { z } from 'zod';

const SearchIndexSchema = z.strictObject({
  object: z.string().min(1).describe('Object whose records are indexed'),
  fields: z.array(z.string()).min(1).describe('Fields included in the index'),
  language: z.string().optional().describe('Text analysis language, e.g. english'),
});

export const SearchConfigSchema = z
  .strictObject({
    provider: z
      .enum(['database', 'elasticsearch', 'opensearch', 'meilisearch', 'typesense'])
      .default('database')
      .describe('Search engine: database uses the SQL database\'s own text search'),
    url: z.string().optional().describe('Engine endpoint (not used by the database provider)'),
    indexes: z.record(z.string(), SearchIndexSchema).default({}).describe('Search indexes keyed by name'),
  })
  .describe('Search service');
