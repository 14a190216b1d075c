import { z } from 'zod';
import { DatasourceSchema } from './datasource.js';
import { ObjectFileSchema, ObjectSchema, type ObjectDef } from './object.js';
import { snakeCaseName } from './names.js';
import { PermissionSetNameSchema, PermissionSetSchema } from './permission-set.js';
import { PluginEntrySchema } from './plugin.js';
import { ServerConfigSchema } from './server.js';
import { StackManifestSchema } from './stack-manifest.js';
import { SystemSchema } from './system/index.js';

const ObjectListSchema = z.array(ObjectSchema).describe('Objects as a list; each names itself with `name`');

const ObjectMapSchema = z
  .record(snakeCaseName('Object name'), ObjectFileSchema)
  .describe('Objects keyed by name; an inner `name`, when given, must equal the key');

/**
 * `objects` as written is a list or a map keyed by name; the output is always the list form (declaration order kept,
 * every object carrying its `name`), so later stages handle one shape.
 */
export const StackObjectsSchema = z
  .union([ObjectListSchema, ObjectMapSchema])
  .transform((objects, ctx): ObjectDef[] => {
    if (Array.isArray(objects)) return objects;
    return Object.entries(objects).map(([key, object]) => {
      if (object.name !== undefined && object.name !== key) {
        ctx.issues.push({
          code: 'custom',
          input: object.name,
          path: [key, 'name'],
          message: `object name '${object.name}' differs from its key '${key}': remove \`name\` or make them equal`,
        });
      }
      return { ...object, name: key };
    });
  })
  .describe('Objects defined in this file: a list of objects with `name`, or a map keyed by object name');

export const StackSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by the compiler'),
    manifest: StackManifestSchema,
    include: z
      .array(z.string().min(1))
      .default([])
      .describe('Glob patterns of *.object.yml files to load, relative to this file, e.g. objects/*.object.yml'),
    objects: StackObjectsSchema.default([]),
    plugins: z.array(PluginEntrySchema).default([]).describe('Plugins to load; the compiler orders them by their dependencies'),
    datasources: z
      .record(snakeCaseName('Datasource name'), DatasourceSchema)
      .default({})
      .describe('Database connections keyed by name; objects use `default` unless they name another (an embedded SQLite database when none is given)'),
    permissions: z
      .record(PermissionSetNameSchema, PermissionSetSchema)
      .default({})
      .describe('Permission sets keyed by name'),
    server: ServerConfigSchema.prefault({}),
    system: SystemSchema.prefault({}),
  })
  .describe('An objectstack application (objectstack.yaml)');

export type Stack = z.output<typeof StackSchema>;
export type StackInput = z.input<typeof StackSchema>;
