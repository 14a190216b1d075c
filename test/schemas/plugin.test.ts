import { describe, expect, it } from 'vitest';
import { PLUGIN_TYPES, PluginEntrySchema, PluginManifestSchema } from '../../schemas/index.js';

const manifest = { id: 'com.acme.notifier', name: 'Notifier', version: '1.2.3' };

describe('PluginManifestSchema', () => {
  it('accepts a minimal manifest and fills defaults', () => {
    expect(PluginManifestSchema.parse(manifest)).toMatchObject({
      type: 'plugin', permissions: [], dependencies: {}, optionalDependencies: {}, providesServices: [], requiresServices: [],
    });
  });

  it.each(['notifier', 'Com.Acme.Notifier', 'com..acme', '.com.acme', 'com.acme.', 'com.1acme'])('rejects the id %j', (id) => {
    const result = PluginManifestSchema.safeParse({ ...manifest, id });
    expect(result.error?.issues[0]?.path).toEqual(['id']);
  });

  it.each(['com.acme.notifier', 'io.github.some-user.plugin', 'com.objectstack.data'])('accepts the id %j', (id) => {
    expect(PluginManifestSchema.safeParse({ ...manifest, id }).success).toBe(true);
  });

  it.each(['1.0', 'v1.0.0', '1.0.0.0', 'latest'])('rejects the version %j', (version) => {
    expect(PluginManifestSchema.safeParse({ ...manifest, version }).error?.issues[0]?.path).toEqual(['version']);
  });

  it('accepts prerelease versions', () => {
    expect(PluginManifestSchema.safeParse({ ...manifest, version: '2.0.0-beta.1' }).success).toBe(true);
  });

  it('validates dependency ranges with semver and dependency ids as reverse-DNS', () => {
    const ok = PluginManifestSchema.safeParse({ ...manifest, dependencies: { 'com.objectstack.queue': '^1.0.0', 'com.objectstack.data': '>=1 <3' } });
    expect(ok.success).toBe(true);
    const badRange = PluginManifestSchema.safeParse({ ...manifest, dependencies: { 'com.objectstack.queue': 'one point oh' } });
    expect(badRange.error?.issues[0]).toMatchObject({ path: ['dependencies', 'com.objectstack.queue'] });
    expect(badRange.error?.issues[0]?.message).toMatch(/semver range/);
    const badId = PluginManifestSchema.safeParse({ ...manifest, optionalDependencies: { queue: '^1.0.0' } });
    expect(badId.success).toBe(false);
  });

  it('accepts every plugin type and rejects others', () => {
    for (const type of PLUGIN_TYPES) expect(PluginManifestSchema.safeParse({ ...manifest, type }).success, type).toBe(true);
    expect(PluginManifestSchema.safeParse({ ...manifest, type: 'widget' }).success).toBe(false);
  });

  it('checks services against the core service names', () => {
    expect(PluginManifestSchema.safeParse({ ...manifest, providesServices: ['notification'], requiresServices: ['queue'] }).success).toBe(true);
    expect(PluginManifestSchema.safeParse({ ...manifest, requiresServices: ['mailer'] }).error?.issues[0]?.path).toEqual(['requiresServices', 0]);
  });

  it('accepts configuration properties and contributions, and rejects unknown keys in them', () => {
    const full = {
      ...manifest,
      configuration: { properties: { channel: { type: 'string', default: 'ops', enum: ['ops', 'dev'] }, token: { type: 'string', secret: true, required: true } } },
      contributes: { events: ['notifier.sent'], routes: ['POST /notify'] },
    };
    expect(PluginManifestSchema.parse(full).configuration?.properties.token).toMatchObject({ secret: true, required: true });
    const typo = { ...full, configuration: { properties: { channel: { type: 'string', defualt: 'ops' } } } };
    expect(PluginManifestSchema.safeParse(typo).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['defualt'] });
  });
});

describe('PluginEntrySchema', () => {
  it('accepts the three forms', () => {
    expect(PluginEntrySchema.safeParse({ id: 'com.objectstack.data', version: '^0.1.0', config: { x: 1 } }).success).toBe(true);
    expect(PluginEntrySchema.safeParse({ path: './plugins/notifier' }).success).toBe(true);
    expect(PluginEntrySchema.safeParse({ manifest, module: './inline.ts' }).success).toBe(true);
  });

  it('rejects an entry mixing two forms or matching none', () => {
    expect(PluginEntrySchema.safeParse({ id: 'com.objectstack.data', path: './x' }).success).toBe(false);
    expect(PluginEntrySchema.safeParse({ manifest }).success).toBe(false);
    expect(PluginEntrySchema.safeParse({ config: {} }).success).toBe(false);
  });

  it('rejects an invalid version range on a built-in entry', () => {
    expect(PluginEntrySchema.safeParse({ id: 'com.objectstack.data', version: 'newest' }).success).toBe(false);
  });
});
