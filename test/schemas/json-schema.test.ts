import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../schemas/index.js';
import { editorSchemaFiles, objectFileJsonSchema, pluginManifestJsonSchema, stackJsonSchema } from '../../schemas/json-schema.js';
import { REPO_ROOT, exampleDocuments, firstLine, type ExampleKind } from './examples.js';

const SCHEMA_FILE: Record<ExampleKind, string> = {
  stack: 'objectstack.schema.json',
  object: 'object.schema.json',
  plugin: 'plugin.schema.json',
};

/** Paths of properties without a description of their own or behind their $ref. */
function undescribedProperties(node: unknown, path = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => undescribedProperties(child, `${path}/${index}`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>)
    .filter(([, property]) => property.description === undefined && property.$ref === undefined)
    .map(([key]) => `${path}/properties/${key}`);
  // `properties` and `definitions` are maps of schemas (a property may itself be called "properties"): step over the map.
  const children = Object.entries(record).flatMap(([key, child]) =>
    (key === 'properties' || key === 'definitions') && typeof child === 'object' && child !== null
      ? Object.entries(child).map(([name, schema]): [string, unknown] => [`${key}/${name}`, schema])
      : [[key, child] as [string, unknown]],
  );
  return [...own, ...children.flatMap(([key, child]) => undescribedProperties(child, `${path}/${key}`))];
}

function compile(kind: ExampleKind) {
  const schema = { stack: stackJsonSchema, object: objectFileJsonSchema, plugin: pluginManifestJsonSchema }[kind]();
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('editor JSON Schemas', () => {
  it.each(editorSchemaFiles().map((file) => [file.fileName, file.content]))(
    'schemas/%s is up to date (run `npm run schemas` after changing a Zod schema)',
    (fileName, content) => {
      expect(readFileSync(join(REPO_ROOT, 'schemas', fileName), 'utf8')).toBe(content);
    },
  );

  it('is deterministic', () => {
    expect(JSON.stringify(stackJsonSchema())).toBe(JSON.stringify(stackJsonSchema()));
  });

  it('targets draft-07 and carries descriptions, enums and defaults', () => {
    const text = JSON.stringify(stackJsonSchema());
    expect(stackJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(text).toContain('"description":"Human-readable label shown in forms, lists and API docs"');
    expect(text).toContain('"enum":["json","text","pretty"]');
    expect(text).toContain('"default":"info"');
    for (const type of FIELD_TYPES) expect(text, type).toContain(`"const":"${type}"`);
  });

  it.each(['stack', 'object', 'plugin'] as const)('every property of the %s schema has a description (hover text)', (kind) => {
    const schema = { stack: stackJsonSchema, object: objectFileJsonSchema, plugin: pluginManifestJsonSchema }[kind]();
    expect(undescribedProperties(schema)).toEqual([]);
  });

  it.each(['stack', 'object', 'plugin'] as const)('the %s schema compiles under ajv in strict mode', (kind) => {
    const schema = { stack: stackJsonSchema, object: objectFileJsonSchema, plugin: pluginManifestJsonSchema }[kind]();
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(schema)).not.toThrow();
  });

  const examples = exampleDocuments();

  it('finds the examples: root stack, crm, todo, field-zoo, the crm objects and the notifier manifest', () => {
    const names = examples.map((example) => example.name);
    expect(names).toEqual(expect.arrayContaining([
      'objectstack.yaml', 'stacks/crm/objectstack.yaml', 'stacks/todo/objectstack.yaml', 'stacks/field-zoo/objectstack.yaml',
      'stacks/crm/objects/opportunity.object.yml', 'plugins/notifier/plugin.yml',
    ]));
  });

  it.each(examples.map((example) => [example.name, example]))('ajv accepts %s', (_, example) => {
    const validate = compile(example.kind);
    validate(example.data);
    expect(validate.errors ?? []).toEqual([]);
  });

  it.each(examples.map((example) => [example.name, example]))('%s starts with a modeline naming the committed schema', (_, example) => {
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine(example.path));
    expect(match, firstLine(example.path)).not.toBeNull();
    const target = resolve(dirname(example.path), match?.[1] ?? '');
    expect(relative(REPO_ROOT, target)).toBe(join('schemas', SCHEMA_FILE[example.kind]));
  });

  it('ajv rejects an unknown key, a wrong field type and a per-type key on the wrong type', () => {
    const validate = compile('stack');
    const base = { manifest: { id: 'com.example.x', name: 'X', version: '1.0.0' } };
    expect(validate({ ...base, objetcs: [] })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'objetcs')).toBe(true);
    expect(validate({ ...base, objects: { a: { fields: { f: { type: 'string' } } } } })).toBe(false);
    expect(validate({ ...base, objects: { a: { fields: { f: { type: 'text', reference: 'b' } } } } })).toBe(false);
    expect(validate({ ...base, objects: { a: { fields: { f: { type: 'lookup', reference: 'b' } } } } })).toBe(true);
  });
});
