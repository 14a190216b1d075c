import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { emitOpenApi, OPENAPI_FILE } from '../../../compiler/emit/openapi/index.js';
import type { StackIR } from '../../../compiler/ir/index.js';
import { EMITTER_STACKS, emittedPerStack } from '../emitted-per-stack.js';
import { clashIr } from '../types/clash-stack.js';
import { contentOf } from '../types/emit-to-dir.js';
import { exampleIr, INPUT_HASH, irFromYaml, stackYaml } from '../types/stack-ir.js';

// Tests walk the parsed document freely; the emitter's own types are checked by the compiler.
type Json = Record<string, any>;

/** The validator types its input as an OpenAPI document; ours is parsed JSON. */
type OpenApiDocument = Exclude<Parameters<typeof validate>[0], string>;

function textOf(ir: StackIR): string {
  return contentOf(emitOpenApi(ir, INPUT_HASH), OPENAPI_FILE);
}

/** A validator for one component schema of the document, with the document's other components resolvable. */
function componentValidator(document: Json, name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: document.components });
  return ajv.compile({ $ref: `doc#/components/schemas/${name}` });
}

describe('OpenAPI emitter', () => {
  const textOfStack = emittedPerStack(textOf);
  const doc = (name: string): Json => JSON.parse(textOfStack(name)) as Json;

  test.each(EMITTER_STACKS)('the %s document is valid OpenAPI 3.1 for @readme/openapi-parser', async (name) => {
    const result = await validate(structuredClone(doc(name)) as OpenApiDocument);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(doc(name).openapi).toBe('3.1.0');
  });

  test('the validator rejects a broken document (the check can fail)', async () => {
    const broken = doc('todo');
    broken.paths['/api/v1/data/todo_item'].get.responses = { 200: { content: {} } };
    expect((await validate(broken as OpenApiDocument)).valid).toBe(false);
  });

  test('paths per object with list, create, bulk create, get, patch and delete, plus the system paths', () => {
    const paths = doc('crm').paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/v1/health', '/api/v1/ready', '/api/v1/metrics', '/api/v1/meta/objects', '/api/v1/meta/objects/{name}', '/api/v1/graphql',
      '/api/v1/data/account', '/api/v1/data/account/bulk', '/api/v1/data/account/{id}',
    ]));
    expect(Object.keys(paths['/api/v1/data/opportunity'])).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/data/opportunity/{id}'])).toEqual(['parameters', 'get', 'patch', 'delete']);
    const list = paths['/api/v1/data/opportunity'].get;
    const parameters = doc('crm').components.parameters;
    expect(list.parameters.map((p: Json) => p.$ref)).toEqual([
      '#/components/parameters/OpportunityFilter', '#/components/parameters/OpportunitySort', '#/components/parameters/limit',
      '#/components/parameters/offset', '#/components/parameters/OpportunityFields', '#/components/parameters/OpportunityExpand',
    ]);
    expect(parameters.OpportunitySort.schema.items.enum).toEqual(expect.arrayContaining(['close_date', '-close_date', 'stage', '-stage']));
    expect(parameters.OpportunityExpand.schema.items.enum).toEqual(['account', 'primary_contact']);
    expect(parameters.OpportunityFilter.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OpportunityFilter' });
    expect(Object.keys(paths['/api/v1/data/opportunity/{id}'].patch.responses)).toEqual(['200', '400', '403', '404', '409', '413', '422']);
  });

  test('component schemas come from the same field mapping and behave like the runtime', () => {
    const document = doc('crm');
    const create = componentValidator(document, 'OpportunityCreateInput');
    expect(create({ name: 'Deal', account: 'acc_1', stage: 'proposal', amount: 10, close_date: '2026-03-31' })).toBe(true);
    expect(create({ name: 'Deal' })).toBe(false); // account is required
    expect(create({ name: 'Deal', account: 'acc_1', stage: 'won' })).toBe(false); // not an option
    expect(create({ name: 'Deal', account: 'acc_1', expected_revenue: 1 })).toBe(false); // computed: unknown to writes
    const record = componentValidator(document, 'Opportunity');
    expect(record({ id: 'opp_1', name: 'Deal', account: 'acc_1', amount: null, created_at: '2026-01-01T00:00:00.000Z' })).toBe(true);
    expect(record({ id: 'opp_1', account: { id: 'acc_1', name: 'Acme' } })).toBe(true); // expanded lookup
    expect(record({ id: 'opp_1', stage: 'won' })).toBe(false);
    const filter = componentValidator(document, 'OpportunityFilter');
    expect(filter({ stage: { in: ['proposal'] }, or: [{ amount: { gt: 5 } }, { close_date: { isNull: true } }] })).toBe(true);
    expect(filter({ stage: { like: 'x' } })).toBe(false);
    expect(document.components.schemas.Error.required).toEqual(['code', 'message', 'details']);
    expect(document.components.schemas.Error.properties.code.enum).toEqual(expect.arrayContaining(['bad_request', 'unauthorized', 'payload_too_large', 'validation_failed', 'conflict']));
  });

  test('security: schemes always declared, required only when the stack has the auth plugin', () => {
    const open = doc('todo');
    expect(Object.keys(open.components.securitySchemes)).toEqual(['apiKey', 'bearerAuth']);
    expect(open.security).toBeUndefined();
    expect(open.paths['/api/v1/data/todo_item'].get.responses['401']).toBeUndefined();
    const secured = JSON.parse(textOf(irFromYaml({
      'objectstack.yaml': `${stackYaml('  - name: note\n    fields:\n      body: { type: text }\n')}`.replace(
        'plugins:\n  - id: com.objectstack.data\n',
        'plugins:\n  - id: com.objectstack.data\n  - id: com.objectstack.auth\n    config: { apiKeyHeader: x-token }\n',
      ),
    }))) as Json;
    expect(secured.security).toEqual([{ apiKey: [] }, { bearerAuth: [] }]);
    expect(secured.components.securitySchemes.apiKey.name).toBe('x-token');
    expect(secured.paths['/api/v1/data/note'].get.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(secured.paths['/api/v1/health'].get.security).toEqual([]);
  });

  test('name clashes: object names win over derived schema names, which get a suffix', () => {
    const schemas = doc('clash').components.schemas;
    expect(schemas.AccountCreateInput.description).toContain('Account Create Input record');
    expect(schemas.AccountCreateInput2.required).toEqual(['name']);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['AB', 'AB2', 'Query', 'String', 'Record', 'Index']));
  });

  test('degenerate objects and an empty stack still give valid documents', async () => {
    const degenerate = irFromYaml({
      'objectstack.yaml': stackYaml(`
  - name: bare
    ownership: none
  - name: computed_only
    fields:
      total: { type: formula, expression: "1 + 1", returnType: number }
  - name: sealed
    enable: { apiMethods: [] }
    fields:
      x: { type: text }
`),
    });
    const empty = irFromYaml({ 'objectstack.yaml': stackYaml('  []\n').replace('objects:\n  []', 'objects: []') });
    for (const ir of [degenerate, empty]) {
      const result = await validate(JSON.parse(textOf(ir)) as OpenApiDocument);
      expect(result.valid ? '' : compileErrors(result)).toBe('');
    }
    const paths = Object.keys((JSON.parse(textOf(degenerate)) as Json).paths);
    expect(paths).toContain('/api/v1/data/bare');
    expect(paths.filter((path) => path.includes('sealed'))).toEqual([]);
  });

  test('header first, 2-space JSON with a final newline, deterministic', () => {
    const text = textOfStack('crm');
    expect(text.startsWith(`{\n  "x-generated": {\n    "notice": "Generated by \`objectstack build\`. Do not edit: edit the stack YAML and rebuild.",\n    "inputHash": "${INPUT_HASH}"\n  },\n  "openapi": "3.1.0",`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(textOf(exampleIr('crm'))).toBe(text);
    expect(textOf(clashIr())).toBe(textOfStack('clash'));
  });
});
