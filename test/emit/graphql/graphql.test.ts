import { buildSchema, parse, validate, validateSchema, type GraphQLSchema } from 'graphql';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { emitGraphql, GRAPHQL_SCHEMA_FILE } from '../../../compiler/emit/graphql/index.js';
import { graphqlEnumValueNames } from '../../../compiler/emit/field-mapping/index.js';
import type { StackIR } from '../../../compiler/ir/index.js';
import { EMITTER_STACKS, emittedPerStack } from '../emitted-per-stack.js';
import { clashIr } from '../types/clash-stack.js';
import { contentOf } from '../types/emit-to-dir.js';
import { exampleIr, INPUT_HASH, irFromYaml, stackYaml } from '../types/stack-ir.js';

function sdlOf(ir: StackIR): string {
  return contentOf(emitGraphql(ir, INPUT_HASH), GRAPHQL_SCHEMA_FILE);
}

/** Builds and validates the schema the way a server would; fails the test with graphql-js' own messages. */
function schemaOf(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl);
  expect(validateSchema(schema).map((error) => error.message)).toEqual([]);
  return schema;
}

function queryErrors(schema: GraphQLSchema, query: string): string[] {
  return validate(schema, parse(query)).map((error) => error.message);
}

describe('GraphQL SDL emitter', () => {
  const get = emittedPerStack(sdlOf);

  test.each(EMITTER_STACKS)('the %s schema builds and validates with graphql-js', (name) => {
    const schema = schemaOf(get(name));
    expect(schema.getQueryType()?.name).toBe('Query');
  });

  test('a realistic query and mutation validate against the crm schema; wrong ones do not', () => {
    const schema = schemaOf(get('crm'));
    expect(
      queryErrors(schema, `query Pipeline($since: Date) {
        opportunities(filter: { stage: { in: [proposal, negotiation] }, close_date: { gte: $since }, or: [{ amount: { gt: 1000 } }, { probability: { isNull: true } }] },
                      sort: [{ field: close_date, direction: DESC }], limit: 20, offset: 40) {
          totalCount
          nodes { id name stage amount expected_revenue created_at account { id name } }
        }
        account(id: "acc_1") { name }
        opportunity(id: "opp_1") { opportunity_line_items { id } }
      }`),
    ).toEqual([]);
    expect(queryErrors(schema, 'mutation { createOpportunity(input: { name: "Deal", account: "acc_1", stage: proposal }) { id stage } deleteOpportunity(id: "x") { id name } }')).toEqual([]);
    expect(queryErrors(schema, '{ opportunities(filter: { stage: { eq: won } }) { totalCount } }').join('\n')).toContain('won');
    expect(queryErrors(schema, 'mutation { createOpportunity(input: { name: "Deal" }) { id } }').join('\n')).toContain('account');
    expect(queryErrors(schema, 'mutation { updateOpportunity(id: "x", input: { expected_revenue: 1 }) { id } }').join('\n')).toContain('expected_revenue');
  });

  test('lookups resolve to the referenced type, master-detail adds the reverse list, scalars and enums are declared', () => {
    const text = get('crm');
    expect(text).toMatch(/type Opportunity @objectstack\(object: "opportunity"\) \{[^}]*\n  account: Account!\n/);
    expect(text).toMatch(/input CreateOpportunityInput \{[^}]*\n  account: ID!\n/);
    expect(text).toMatch(/type Opportunity @objectstack[^}]*opportunity_line_items: \[OpportunityLineItem!\]!/);
    for (const scalar of ['scalar Date', 'scalar DateTime', 'scalar JSON', 'scalar Time']) expect(text).toContain(scalar);
    expect(text).toContain('enum OpportunityStage {\n  prospecting\n');
    expect(text).toContain('type OpportunityConnection {');
    expect(text).toContain('  opportunities(\n    filter: OpportunityFilter\n    sort: [OpportunitySort!]\n    limit: Int\n    offset: Int\n  ): OpportunityConnection!');
  });

  test('name clashes resolve deterministically and stay valid', () => {
    const text = get('clash');
    // Objects named like GraphQL's own types give way to them; derived names give way to objects.
    expect(text).toContain('type Query2 @objectstack(object: "query") {');
    expect(text).toContain('type String2 @objectstack(object: "string") {');
    expect(text).toContain('type AccountStatus @objectstack(object: "account_status") {');
    expect(text).toContain('enum AccountStatus2 {');
    expect(text).toContain('type AccountCreateInput @objectstack(object: "account_create_input") {');
    expect(text).toContain('type AB @objectstack(object: "a__b") {');
    expect(text).toContain('type AB2 @objectstack(object: "a_b") {');
    // `items` is both item's plural and the items object's singular: the plural becomes itemList.
    expect(text).toMatch(/\n  items\(id: ID!\): Items\n/);
    expect(text).toMatch(/\n  itemList\(\n/);
    // Two master-detail fields from one child: the second reverse list is named after its field.
    expect(text).toMatch(/type Item @objectstack[^}]*\n  itemses: \[Items!\]! @objectstack\(object: "items", field: "parent"\)\n/);
    expect(text).toMatch(/type Item @objectstack[^}]*\n  itemses_by_other_parent: \[Items!\]!\n    @objectstack\(object: "items", field: "other_parent"\)\n/);
    // Fields named like keywords are fine in GraphQL and keep their names.
    for (const member of ['type: String', 'query: String', 'fragment: Float', 'on: Boolean']) {
      expect(text).toMatch(new RegExp(`type Account @objectstack[^}]*\\n  ${member}\\n`));
    }
    // Option values that are not GraphQL names are mapped and marked with the stored value.
    expect(text).toContain('enum AccountStatus2 {\n  Closed_Won @objectstack(value: "Closed Won")\n  _1st @objectstack(value: "1st")\n  _true @objectstack(value: "true")\n  closed_won\n  in_progress @objectstack(value: "in-progress")\n}');
    const schema = schemaOf(text);
    expect(queryErrors(schema, '{ accounts(filter: { status: { in: [Closed_Won, _true] } }) { nodes { status type on } } }')).toEqual([]);
  });

  test('enum value mapping: valid names kept, others mapped without collisions', () => {
    expect([...graphqlEnumValueNames(['a-b', 'a_b', 'null', '', '__x', '9']).entries()]).toEqual([
      ['a-b', 'a_b2'], ['a_b', 'a_b'], ['null', '_null'], ['', '_'], ['__x', 'v__x'], ['9', '_9'],
    ]);
  });

  test('objects with apiEnabled false are left out; apiMethods limit the operations', () => {
    const ir = irFromYaml({
      'objectstack.yaml': stackYaml(`
  - name: hidden
    enable: { apiEnabled: false }
    fields:
      x: { type: text }
  - name: read_only
    enable: { apiMethods: [get, list] }
    fields:
      owner: { type: lookup, reference: hidden }
`),
    });
    const text = sdlOf(ir);
    schemaOf(text);
    expect(text).not.toContain('type Hidden ');
    expect(text).toMatch(/type ReadOnly @objectstack[^}]*\n  owner: ID\n/);
    expect(text).not.toContain('type Mutation');
    expect(text).toContain('  readOnly(id: ID!): ReadOnly\n');
  });

  test('degenerate objects still give a valid schema: no fields, only computed fields, no operations, no objects', () => {
    const ir = irFromYaml({
      'objectstack.yaml': stackYaml(`
  - name: bare
    ownership: none
  - name: computed_only
    fields:
      total: { type: formula, expression: "1 + 1", returnType: number }
      code: { type: autonumber, autonumberFormat: "C-{0000}" }
  - name: sealed
    enable: { apiMethods: [] }
    fields:
      x: { type: text }
`),
    });
    const text = sdlOf(ir);
    const schema = schemaOf(text);
    expect(text).not.toContain('CreateComputedOnlyInput');
    expect(queryErrors(schema, 'mutation { createComputedOnly { id code total } }')).toEqual([]);
    expect(text).not.toContain('sealed(');
    expect(schema.getQueryType()?.getFields().bare).toBeDefined();
    const empty = sdlOf(irFromYaml({ 'objectstack.yaml': stackYaml('  []\n').replace('objects:\n  []', 'objects: []') }));
    expect(schemaOf(empty).getQueryType()?.getFields()._empty).toBeDefined();
  });

  test('output starts with the header, is prettier-clean and deterministic', async () => {
    for (const name of EMITTER_STACKS) {
      expect(get(name).startsWith(`# Generated by \`objectstack build\`. Do not edit: edit the stack YAML and rebuild.\n# Input hash: ${INPUT_HASH}\n\n`)).toBe(true);
      expect(await prettier.check(get(name), { parser: 'graphql' }), name).toBe(true);
    }
    expect(sdlOf(exampleIr('crm'))).toBe(get('crm'));
    expect(sdlOf(clashIr())).toBe(get('clash'));
  });
});
