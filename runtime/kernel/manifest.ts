import type { z } from 'zod';
import { PluginManifestSchema, SystemSchema } from '../../schemas/index.js';
import { KernelError } from './errors.js';
import type { PluginConfig, PluginManifest, PluginManifestInput, SystemConfig, SystemConfigInput } from './types.js';

/** Validates a manifest handed to `register()`: a hand-written bootstrap gets the compiler's rules too. */
export function parseManifest(input: PluginManifestInput): PluginManifest {
  const parsed = PluginManifestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const id = typeof input.id === 'string' ? input.id : '(no id)';
  throw new KernelError('OS7010', `Invalid manifest for plugin '${id}': ${describeIssues(parsed.error)}`, id);
}

export function parseSystem(input: SystemConfigInput | undefined): SystemConfig {
  const parsed = SystemSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new KernelError('OS7018', `Invalid system configuration: ${describeIssues(parsed.error)}`);
}

/** Applies the manifest's configuration defaults and checks its required settings. */
export function resolvePluginConfig<Config extends PluginConfig>(manifest: PluginManifest, config: Config | undefined): Config {
  const properties = Object.entries(manifest.configuration?.properties ?? {});
  const given: Record<string, unknown> = { ...config };
  for (const [key, property] of properties) {
    if (given[key] !== undefined) continue;
    if (property.default !== undefined) given[key] = property.default;
    else if (property.required) {
      throw new KernelError(
        'OS7019',
        `Plugin '${manifest.id}' needs setting '${key}'${property.description ? ` (${property.description})` : ''}; set it in the plugin's config`,
        manifest.id,
      );
    }
  }
  return given as Config;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('; ');
}
