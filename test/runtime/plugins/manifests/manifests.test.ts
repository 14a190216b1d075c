import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isKnownPermission, permissionForService } from '../../../../schemas/permissions.js';
import {
  BUILTIN_PLUGINS,
  builtinModuleUrl,
  readBuiltinManifest,
  type BuiltinPluginId,
} from '../../../../runtime/plugins/builtins.js';
import { CachePluginConfigSchema } from '../../../../runtime/plugins/cache/config.js';
import { JobPluginConfigSchema } from '../../../../runtime/plugins/job/config.js';
import { MetricsPluginConfigSchema } from '../../../../runtime/plugins/metrics/config.js';
import { QueuePluginConfigSchema } from '../../../../runtime/plugins/queue/config.js';

const ids = Object.keys(BUILTIN_PLUGINS) as BuiltinPluginId[];

describe('built-in plugin manifests', () => {
  it.each(ids)('%s: plugin.yml is a valid manifest with that id, version 0.1.0 and known permissions', async (id) => {
    const manifest = await readBuiltinManifest(id);
    expect(manifest.id).toBe(id);
    expect(manifest.version).toBe('0.1.0');
    expect(manifest.permissions.filter((permission) => !isKnownPermission(permission))).toEqual([]);
    for (const [key, property] of Object.entries(manifest.configuration?.properties ?? {})) {
      expect(property.description, `${id} config '${key}' needs a description`).toBeTruthy();
    }
  });

  it('declares the services, dependencies and requirements other plugins and the compiler rely on', async () => {
    const summary = Object.fromEntries(
      await Promise.all(
        ids.map(async (id) => {
          const manifest = await readBuiltinManifest(id);
          return [
            id,
            {
              provides: manifest.providesServices,
              requires: manifest.requiresServices,
              dependsOn: Object.keys(manifest.dependencies),
            },
          ];
        }),
      ),
    );
    expect(summary).toEqual({
      'com.objectstack.data': { provides: ['data'], requires: [], dependsOn: [] },
      'com.objectstack.metadata': { provides: ['metadata'], requires: [], dependsOn: ['com.objectstack.data'] },
      'com.objectstack.cache': { provides: ['cache'], requires: [], dependsOn: [] },
      'com.objectstack.queue': { provides: ['queue'], requires: [], dependsOn: [] },
      'com.objectstack.job': { provides: ['job'], requires: ['queue'], dependsOn: ['com.objectstack.queue'] },
      'com.objectstack.audit': { provides: [], requires: ['data'], dependsOn: ['com.objectstack.data'] },
      'com.objectstack.metrics': { provides: [], requires: [], dependsOn: [] },
      'com.objectstack.auth': { provides: ['auth'], requires: [], dependsOn: [] },
    });
  });

  it('grants each plugin the permission for every service it requires', async () => {
    for (const id of ids) {
      const manifest = await readBuiltinManifest(id);
      for (const service of manifest.requiresServices)
        expect(manifest.permissions).toContain(permissionForService(service));
    }
  });

  const implemented: Array<[BuiltinPluginId, z.ZodType]> = [
    ['com.objectstack.cache', CachePluginConfigSchema],
    ['com.objectstack.queue', QueuePluginConfigSchema],
    ['com.objectstack.job', JobPluginConfigSchema],
    ['com.objectstack.metrics', MetricsPluginConfigSchema],
  ];

  it.each(implemented)(
    '%s: manifest configuration defaults equal the module config schema defaults',
    async (id, schema) => {
      const manifest = await readBuiltinManifest(id);
      const declared = Object.fromEntries(
        Object.entries(manifest.configuration?.properties ?? {}).map(([key, property]) => [key, property.default]),
      );
      expect(schema.parse({})).toEqual(declared);
      expect(builtinModuleUrl(id)?.href).toMatch(/\/index\.js$/);
    },
  );
});
