import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Artifact } from '../../../compiler/emit/artifact.js';
import { emitTypes } from '../../../compiler/emit/types/index.js';
import type { StackIR } from '../../../compiler/ir/index.js';
import { clashIr } from './clash-stack.js';
import { contentOf, writeArtifacts } from './emit-to-dir.js';
import { EXAMPLE_STACKS, exampleIr, INPUT_HASH } from './stack-ir.js';

const TSC = join(import.meta.dirname, '../../../node_modules/.bin/tsc');

const STRICT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2023',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ['**/*.ts'],
};

/** Runs the native `tsc` on a folder; returns its exit status and output. */
function typeCheck(dir: string): { status: number | null; output: string } {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  const result = spawnSync(TSC, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Uses the crm types the way a UI would; every `@ts-expect-error` line must fail to compile, every other must pass. */
const CRM_CONSUMER = `
import type { Account, Opportunity, OpportunityCreateInput, OpportunityStage, OpportunityUpdateInput } from "./types/index.js";
import { opportunityMetadata } from "./types/index.js";

export const stage: OpportunityStage = "closed_won";
// @ts-expect-error "won" is not one of the stage options
export const wrongStage: OpportunityStage = "won";

export const create: OpportunityCreateInput = { name: "Big deal", account: "acc_1", stage: "proposal", amount: null };
// @ts-expect-error account is required on create
export const missingAccount: OpportunityCreateInput = { name: "Big deal" };
// @ts-expect-error expected_revenue is a formula: never written
export const computedOnCreate: OpportunityCreateInput = { name: "Big deal", account: "acc_1", expected_revenue: 1 };
// @ts-expect-error a wrong select literal in an input
export const wrongStageOnCreate: OpportunityCreateInput = { name: "Big deal", account: "acc_1", stage: "won" };

export const update: OpportunityUpdateInput = { close_date: "2026-01-31", probability: null };
// @ts-expect-error name is required, so it cannot be cleared
export const clearName: OpportunityUpdateInput = { name: null };

export function edit(record: Opportunity, account: Account): string {
  record.amount = 10;
  record.stage = "negotiation";
  // @ts-expect-error expected_revenue is computed: readonly
  record.expected_revenue = 5;
  // @ts-expect-error id is a system field: readonly
  record.id = "opp_2";
  // @ts-expect-error created_at is a system field: readonly
  record.created_at = "2026-01-01T00:00:00Z";
  const revenue: number | null = record.expected_revenue;
  return \`\${account.name}: \${revenue ?? 0}\`;
}

export const label: "Opportunity" = opportunityMetadata.label;
export const closedWon: "Closed won" = opportunityMetadata.fields.stage.options[4].label;
// @ts-expect-error the metadata constant is deeply readonly
opportunityMetadata.fields.stage.label = "Phase";
`;

const ZOO_CONSUMER = `
import type { Specimen, SpecimenCreateInput, SpecimenMultiselectField } from "./types/index.js";

export function read(specimen: Specimen): number {
  const many: SpecimenMultiselectField[] | null = specimen.multiselect_field;
  const files: string[] | null = specimen.file_field;
  const vector: number[] | null = specimen.vector_field;
  const latitude = specimen.location_field?.latitude ?? 0;
  const city: string | undefined = specimen.address_field?.city;
  const json: Record<string, unknown> | null = specimen.json_field;
  // @ts-expect-error a password is never returned
  specimen.password_field;
  // @ts-expect-error autonumbers are assigned by the platform
  specimen.autonumber_field = "A-1";
  // @ts-expect-error "purple" is not an option
  const wrong: SpecimenMultiselectField = "purple";
  return (many?.length ?? 0) + (files?.length ?? 0) + (vector?.length ?? 0) + latitude + (city?.length ?? 0) + (json === null ? 0 : 1) + wrong.length;
}

export const withPassword: SpecimenCreateInput = { password_field: "correct horse battery staple", name: "Specimen" } as SpecimenCreateInput;
`;

const CLASH_CONSUMER = `
import type { AB, AB2, Account, AccountCreateInput, AccountCreateInput2, AccountStatus, AccountStatus2, GeoLocation, GeoLocation2, Index, JsonObject, Record as RecordObject, Shared } from "./types/index.js";

export function use(account: Account, input: AccountCreateInput2, other: AccountCreateInput, status: AccountStatus, a: AB, b: AB2, where: GeoLocation2, geo: GeoLocation, index: Index, shared: Shared, record: RecordObject, json: JsonObject): unknown[] {
  const value: AccountStatus2 | null = account.status;
  // @ts-expect-error legacy_code is declared readonly
  account.legacy_code = "x";
  return [input.name, other.title, status.title, a.x, b.x, where.latitude, geo.spot, index.x, shared.x, record.payload, json, value];
}
`;

describe('UI types emitter', () => {
  const irs = new Map<string, StackIR>();
  let dir = '';

  beforeAll(() => {
    for (const name of EXAMPLE_STACKS) irs.set(name, exampleIr(name));
    irs.set('clash', clashIr());
    dir = mkdtempSync(join(tmpdir(), 'objectstack-types-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function emitted(name: string): Artifact[] {
    const ir = irs.get(name);
    if (ir === undefined) throw new Error(`no IR for ${name}`);
    return emitTypes(ir, INPUT_HASH);
  }

  test('the generated types of every example stack and the clash stack pass strict tsc with consumers using them', () => {
    const consumers: Record<string, string> = { crm: CRM_CONSUMER, 'field-zoo': ZOO_CONSUMER, clash: CLASH_CONSUMER };
    for (const name of [...EXAMPLE_STACKS, 'clash']) {
      writeArtifacts(join(dir, 'ok', name), emitted(name));
      if (consumers[name] !== undefined) writeFileSync(join(dir, 'ok', name, 'consumer.ts'), consumers[name]);
    }
    const { status, output } = typeCheck(join(dir, 'ok'));
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  test('the type check catches a mistake: a wrong literal without @ts-expect-error fails', () => {
    writeArtifacts(join(dir, 'bad'), emitted('crm'));
    writeFileSync(join(dir, 'bad', 'consumer.ts'), 'import type { OpportunityStage } from "./types/index.js";\nexport const s: OpportunityStage = "won";\n');
    const { status, output } = typeCheck(join(dir, 'bad'));
    expect(status).not.toBe(0);
    expect(output).toContain('"won"');
  });

  test('every file starts with the generated header and the input hash', () => {
    for (const artifact of emitted('crm')) {
      expect(artifact.content.startsWith(`// Generated by \`objectstack build\`. Do not edit: edit the stack YAML and rebuild.\n// Input hash: ${INPUT_HASH}\n\n`)).toBe(true);
    }
  });

  test('one file per object, the metadata module, the shared shapes and the barrel, sorted by path', () => {
    expect(emitted('crm').map((a) => a.path)).toEqual([
      'types/account.ts', 'types/contact.ts', 'types/index.ts', 'types/metadata.d.ts', 'types/metadata.js',
      'types/opportunity.ts', 'types/opportunity_line_item.ts', 'types/product.ts', 'types/shared.ts',
    ]);
    expect(contentOf(emitted('crm'), 'types/index.ts')).toContain('export * from "./shared.js";\nexport * from "./account.js";\n');
  });

  test('field types map as the issue specifies', () => {
    const specimen = contentOf(emitted('field-zoo'), 'types/specimen.ts');
    const record = specimen.slice(specimen.indexOf('export interface Specimen {'), specimen.indexOf('export interface SpecimenCreateInput'));
    for (const member of [
      '  text_field: string | null;', '  number_field: number | null;', '  boolean_field: boolean | null;', '  date_field: string | null;',
      '  select_field: SpecimenSelectField | null;', '  multiselect_field: SpecimenMultiselectField[] | null;',
      '  checkboxes_field: SpecimenCheckboxesField[] | null;', '  tags_field: string[] | null;', '  lookup_field: string | null;',
      '  file_field: string[] | null;', '  json_field: JsonObject | null;', '  vector_field: number[] | null;',
      '  location_field: GeoLocation | null;', '  address_field: PostalAddress | null;', '  readonly formula_field: number | null;',
      '  readonly autonumber_field: string;', '  composite_field: SpecimenCompositeField | null;', '  repeater_field: SpecimenRepeaterFieldItem[] | null;',
      '  readonly id: string;', '  readonly created_at: string;',
    ]) {
      expect(record).toContain(`${member}\n`);
    }
    expect(record).not.toContain('password_field');
    expect(specimen).toContain('export type SpecimenSelectField = "red" | "green";\n');
    expect(specimen).toMatch(/export interface SpecimenCreateInput \{[^}]*password_field\?: string \| null;/);
    expect(specimen).not.toMatch(/export interface SpecimenCreateInput \{[^}]*(formula_field|autonumber_field|created_at)/);
  });

  test('names that collide are resolved deterministically: objects first, derived names get a suffix', () => {
    const artifacts = emitted('clash');
    expect(artifacts.map((a) => a.path)).toContain('types/index2.ts');
    expect(artifacts.map((a) => a.path)).toContain('types/shared2.ts');
    expect(artifacts.map((a) => a.path)).toContain('types/metadata2.ts');
    expect(contentOf(artifacts, 'types/metadata2.ts')).toContain('export { metadataMetadata } from "./metadata.js";');
    const account = contentOf(artifacts, 'types/account.ts');
    expect(account).toContain('export interface AccountCreateInput2 {');
    expect(account).toContain('export type AccountStatus2 =');
    expect(account).toContain('import type { GeoLocation2, JsonObject } from "./shared.js";');
    expect(contentOf(artifacts, 'types/a__b.ts')).toContain('export interface AB {');
    expect(contentOf(artifacts, 'types/a_b.ts')).toContain('export interface AB2 {');
    expect(contentOf(artifacts, 'types/shared.ts')).toContain('export interface GeoLocation2 {');
  });

  test('the metadata module is plain data a UI imports at run time, equal to what its .d.ts declares', async () => {
    const out = join(dir, 'runtime');
    writeArtifacts(out, emitted('crm'));
    const module = (await import(pathToFileURL(join(out, 'types/metadata.js')).href)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual(['accountMetadata', 'contactMetadata', 'opportunityLineItemMetadata', 'opportunityMetadata', 'productMetadata']);
    expect(module.opportunityMetadata).toMatchObject({ name: 'opportunity', label: 'Opportunity', fields: { stage: { type: 'select', label: 'Stage' } } });
    const declared = contentOf(emitted('crm'), 'types/metadata.d.ts');
    expect(declared).toContain('export declare const opportunityMetadata: {');
    expect(declared).toContain('readonly label: "Closed won";');
    expect(contentOf(emitted('crm'), 'types/opportunity.ts')).toContain('export { opportunityMetadata } from "./metadata.js";');
  });

  test('output is already formatted as prettier would print it', async () => {
    const sample = [...emitted('crm'), ...emitted('field-zoo'), ...emitted('clash')];
    const unformatted: string[] = [];
    for (const artifact of sample) {
      const parser = artifact.path.endsWith('.js') ? 'babel' : 'typescript';
      if (!(await prettier.check(artifact.content, { parser }))) unformatted.push(artifact.path);
    }
    expect(unformatted).toEqual([]);
  });

  test('deterministic: the same stack resolved twice emits identical bytes', () => {
    expect(emitTypes(exampleIr('crm'), INPUT_HASH)).toEqual(emitted('crm'));
    expect(emitTypes(clashIr(), INPUT_HASH)).toEqual(emitted('clash'));
  });
});
