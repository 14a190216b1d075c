import type { z } from 'zod';

/**
 * Checks a built-in plugin's config (the kernel has applied the manifest's defaults) against the plugin's own Zod
 * schema, so a wrong setting fails at init with the plugin id, the key and what to fix.
 */
export function parsePluginConfig<Schema extends z.ZodType>(
  pluginId: string,
  schema: Schema,
  config: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(config)'}: ${issue.message}`)
    .join('; ');
  throw new Error(
    `Plugin '${pluginId}' has an invalid config: ${problems}; fix the plugin's config in objectstack.yaml`,
  );
}
