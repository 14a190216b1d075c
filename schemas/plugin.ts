import semver from 'semver';
import { z } from 'zod';
import { CoreServiceNameSchema } from './services.js';

export const PLUGIN_TYPES = ['plugin', 'ui', 'driver', 'server', 'app', 'theme', 'agent', 'objectql', 'module', 'adapter'] as const;
export const PluginTypeSchema = z.enum(PLUGIN_TYPES).describe('Kind of plugin');
export type PluginType = z.output<typeof PluginTypeSchema>;

/** Reverse-DNS: at least two dot-separated lowercase labels, e.g. com.acme.notifier. */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export const PluginIdSchema = z
  .string()
  .regex(PLUGIN_ID_PATTERN, { message: 'must be a reverse-DNS id such as com.acme.notifier (lowercase labels separated by dots)' })
  .describe('Plugin id in reverse-DNS form, e.g. com.acme.notifier');

export const PluginVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, { message: 'must be a semantic version x.y.z, e.g. 1.2.0' })
  .describe('Plugin version (semver x.y.z)');

export const SemverRangeSchema = z
  .string()
  .refine((range) => semver.validRange(range) !== null, { message: 'must be a semver range such as ^1.2.0, ~2.0.0 or >=1 <3' })
  .describe('Semver range of acceptable versions, e.g. ^1.0.0');

const ConfigPropertySchema = z.strictObject({
  type: z.enum(['string', 'number', 'integer', 'boolean', 'array', 'object']).describe('JSON type of the setting'),
  default: z.unknown().optional().describe('Value used when the stack does not set it'),
  description: z.string().optional().describe('What the setting does'),
  required: z.boolean().default(false).describe('The stack must set it'),
  secret: z.boolean().default(false).describe('Sensitive value: masked in logs and generated files; prefer ${env:NAME}'),
  enum: z.array(z.union([z.string(), z.number(), z.boolean()])).optional().describe('Allowed values'),
});

const ContributedNameList = (description: string) => z.array(z.string()).default([]).describe(description);

export const PluginManifestSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by the compiler'),
    id: PluginIdSchema,
    name: z.string().min(1).describe('Display name'),
    version: PluginVersionSchema,
    type: PluginTypeSchema.default('plugin'),
    description: z.string().optional().describe('What the plugin does'),
    permissions: z.array(z.string()).default([]).describe('Permissions the plugin needs, e.g. data.read, queue.publish'),
    dependencies: z
      .record(PluginIdSchema, SemverRangeSchema)
      .default({})
      .describe('Plugins that must be loaded first: {pluginId: semverRange}'),
    optionalDependencies: z
      .record(PluginIdSchema, SemverRangeSchema)
      .default({})
      .describe('Plugins loaded first when present: {pluginId: semverRange}'),
    providesServices: z.array(CoreServiceNameSchema).default([]).describe('Kernel services this plugin registers'),
    requiresServices: z.array(CoreServiceNameSchema).default([]).describe('Kernel services this plugin needs from plugins loaded before it'),
    configuration: z
      .strictObject({
        properties: z.record(z.string(), ConfigPropertySchema).default({}).describe('Settings keyed by name'),
      })
      .optional()
      .describe('Settings a stack passes in the plugin entry `config`'),
    contributes: z
      .strictObject({
        events: ContributedNameList('Event names the plugin emits'),
        actions: ContributedNameList('Action names the plugin implements'),
        fieldTypes: ContributedNameList('Extra field types the plugin provides'),
        routes: ContributedNameList('HTTP routes the plugin registers, e.g. "POST /notify"'),
      })
      .optional()
      .describe('What the plugin adds to the stack'),
    main: z.string().optional().describe('Entry module relative to the manifest (default: index.ts, then index.js)'),
  })
  .describe('A plugin manifest (plugin.yml)')
  .meta({ id: 'PluginManifest' });

export type PluginManifest = z.output<typeof PluginManifestSchema>;
export type PluginManifestInput = z.input<typeof PluginManifestSchema>;

const pluginConfig = z.record(z.string(), z.unknown()).optional().describe('Settings checked against the plugin\'s `configuration`');

/** A built-in plugin shipped with objectstack (or installed), referenced by id. */
export const BuiltinPluginEntrySchema = z.strictObject({
  id: PluginIdSchema,
  version: SemverRangeSchema.optional(),
  config: pluginConfig,
});

/** A plugin folder in the project: holds `plugin.yml` and its entry module. */
export const LocalPluginEntrySchema = z.strictObject({
  path: z.string().min(1).describe('Folder of the plugin, relative to this file; it holds plugin.yml and the entry module'),
  config: pluginConfig,
});

/** A plugin whose manifest is written inline in the stack. */
export const InlinePluginEntrySchema = z.strictObject({
  manifest: PluginManifestSchema,
  module: z.string().min(1).describe('Entry module implementing init/start/destroy, relative to this file'),
  config: pluginConfig,
});

/**
 * Exactly one of the three forms. A plain union (not discriminated: the forms differ by which key is present)
 * of three strict objects, so a mixed entry such as {id, path} matches none of them.
 */
export const PluginEntrySchema = z
  .union([BuiltinPluginEntrySchema, LocalPluginEntrySchema, InlinePluginEntrySchema])
  .describe('A plugin: {id, version?} for a built-in, {path} for a local folder, or {manifest, module} inline; each with optional config');

export type PluginEntry = z.output<typeof PluginEntrySchema>;
export type PluginEntryInput = z.input<typeof PluginEntrySchema>;
