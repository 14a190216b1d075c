import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueEntry } from '../../compiler/diagnostics/catalogue.js';
import { resolveStack } from '../../compiler/resolve/index.js';
import { ObjectSchema, PluginManifestSchema } from '../../schemas/index.js';
import type { FieldInput, ObjectDefInput, PluginManifestInput } from '../../schemas/index.js';
import { validatedStack } from './fixtures.js';

// Random but schema-valid stacks whose names collide, dangle and loop: resolution must report, never throw.
const name = fc.constantFrom('a', 'b', 'c', 'id', 'name', 'owner_id', 'x_y', 'user');
const field: fc.Arbitrary<FieldInput> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), unique: fc.boolean(), renamedFrom: fc.option(name, { nil: undefined }) }),
  fc.record({ type: fc.constant('lookup' as const), reference: name, multiple: fc.boolean() }),
  fc.record({ type: fc.constant('tree' as const), reference: fc.option(name, { nil: undefined }) }),
  fc.record({ type: fc.constant('formula' as const), expression: fc.oneof(fc.string({ minLength: 1 }), fc.array(name).map((names) => names.join(' + ') || '1')) }),
  fc.record({
    type: fc.constant('select' as const),
    options: fc.array(fc.record({ label: fc.constant('L'), value: name }), { minLength: 1, maxLength: 3 }),
    defaultValue: fc.oneof(name, fc.integer(), fc.array(name)),
  }),
  fc.record({ type: fc.constant('summary' as const), summaryOperations: fc.record({ object: name, field: name, function: fc.constantFrom('count' as const, 'sum' as const) }) }),
);
const object: fc.Arbitrary<ObjectDefInput> = fc.record({
  name,
  tableName: fc.option(fc.constantFrom('t', 'a__a', 'b'), { nil: undefined }),
  nameField: fc.option(name, { nil: undefined }),
  fields: fc.dictionary(name, field, { maxKeys: 5 }),
  indexes: fc.array(fc.record({ name: fc.option(name, { nil: undefined }), fields: fc.array(name, { minLength: 1, maxLength: 3 }), unique: fc.boolean() }), { maxLength: 3 }),
});
const pluginId = fc.constantFrom('com.t.a', 'com.t.b', 'com.t.c', 'com.t.d');
const plugin: fc.Arbitrary<PluginManifestInput> = fc.record({
  id: pluginId,
  name: fc.constant('P'),
  version: fc.constantFrom('1.0.0', '2.1.0'),
  dependencies: fc.dictionary(pluginId, fc.constantFrom('^1.0.0', '*', '>=2'), { maxKeys: 3 }),
  optionalDependencies: fc.dictionary(pluginId, fc.constant('*'), { maxKeys: 2 }),
  providesServices: fc.subarray(['data', 'cache', 'queue'] as const),
  requiresServices: fc.subarray(['data', 'cache', 'search'] as const),
  permissions: fc.subarray(['data.read', 'data.raed', 'nope']),
  configuration: fc.record({ properties: fc.dictionary(name, fc.record({ type: fc.constantFrom('string' as const, 'integer' as const), required: fc.boolean() }), { maxKeys: 2 }) }),
});

describe('resolution robustness', () => {
  it('never throws, and every diagnostic has a catalogued code, a location and a message', () => {
    fc.assert(
      fc.property(
        fc.array(object, { maxLength: 5 }),
        fc.array(fc.record({ manifest: plugin, config: fc.dictionary(name, fc.oneof(fc.string(), fc.integer())) }), { maxLength: 5 }),
        (objects, plugins) => {
          // Schema-invalid combinations are the validator's business, not resolution's.
          fc.pre(objects.every((each) => ObjectSchema.safeParse(each).success));
          fc.pre(plugins.every((each) => PluginManifestSchema.safeParse(each.manifest).success));
          const { diagnostics } = resolveStack(validatedStack({ objects, plugins }), { freeze: true });
          for (const d of diagnostics) {
            expect(catalogueEntry(d.code), d.code).toBeDefined();
            expect(d.message.length).toBeGreaterThan(0);
            expect(d.hint?.length ?? 1, d.message).toBeGreaterThan(0);
            expect('file' in d.at && d.at.file.length > 0).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
