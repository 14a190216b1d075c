import { z } from 'zod';

/** The data plugin's own settings (its `plugin.yml` declares the same keys and defaults; a test keeps them equal). */
export const DataPluginConfigSchema = z.object({
  datasource: z.string().min(1).default('default'),
  url: z.string().min(1).optional(),
  defaultPageSize: z.number().int().positive().default(50),
  maxPageSize: z.number().int().positive().default(200),
});

export type DataPluginConfig = z.output<typeof DataPluginConfigSchema>;
export type DataPluginConfigInput = z.input<typeof DataPluginConfigSchema>;

/** Where the database is when neither the config nor the environment says: the file `objectstack serve` uses. */
export const DEFAULT_DATABASE = '.objectstack/dev.db';
export const DATABASE_URL_VARIABLE = 'OBJECTSTACK_DATABASE_URL';

/** `url` from the config, else `OBJECTSTACK_DATABASE_URL`, else the default SQLite file. */
export function databaseTarget(config: DataPluginConfig, env: NodeJS.ProcessEnv = process.env): string {
  return config.url ?? env[DATABASE_URL_VARIABLE] ?? DEFAULT_DATABASE;
}
