import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueEntry } from '../../compiler/diagnostics/catalogue.js';
import { checkStack } from '../../compiler/index.js';

/*
 * Robustness: valid stacks mutated at random (keys deleted, values replaced by wrong types, random bytes, deep
 * nesting, huge strings, dependency cycles) must never throw, never hang, and every failure must be a located,
 * catalogued diagnostic. 10,000+ cases in all.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'objectstack-mutations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The root stack (with its local plugin folder) and two single-file examples are the seeds.
cpSync(join(ROOT, 'plugins'), join(work, 'plugins'), { recursive: true });
const SEEDS = ['objectstack.yaml', 'stacks/todo/objectstack.yaml', 'stacks/field-zoo/objectstack.yaml'].map((path) =>
  readFileSync(join(ROOT, path), 'utf8'),
);
const STACK_FILE = join(work, 'objectstack.yaml');

/** Runs the whole front end on `text` and checks the invariants; returns whether the stack was valid. */
function checkInvariants(text: string): boolean {
  writeFileSync(STACK_FILE, text);
  const started = performance.now();
  const result = checkStack(work, { env: { DATABASE_URL: 'postgres://localhost/x' } });
  const elapsed = performance.now() - started;
  // A hang shows up as a case that takes far longer than the few milliseconds a stack of this size needs.
  expect(elapsed, 'one check must not hang').toBeLessThan(5_000);
  for (const d of result.diagnostics) {
    expect(catalogueEntry(d.code), `${d.code} is catalogued`).toBeDefined();
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // Either a usable IR, or at least one error explaining why not.
  expect(result.ir !== undefined || errors.length > 0).toBe(true);
  if (result.ir) expect(errors).toEqual([]);
  return result.ir !== undefined;
}

// Thousands of cases run inside one test; the per-case hang check above is what bounds each of them.
const CASES_TIMEOUT = 900_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a node of the parsed seed, so mutations can target any of them. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function deepNest(depth: number): Json {
  let value: Json = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** Marks an edit that deletes the key or item instead of replacing it. */
const DELETE = Symbol('delete');

const replacement: fc.Arbitrary<Json | typeof DELETE> = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom('', ' ', 'lookup', 'Not_Snake', '${env:MISSING}', '${env:DATABASE_URL}', '1.2', '^9.9.9', 'a'.repeat(100_000)),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.integer({ min: 50, max: 400 }).map(deepNest),
);


function mutate(seed: Json, edits: { pick: number; value: Json | typeof DELETE }[]): Json {
  const copy = structuredClone(seed);
  for (const edit of edits) {
    const paths = pathsOf(copy);
    const path = paths[edit.pick % paths.length]!;
    if (path.length === 0) continue;
    let parent: Json = copy;
    for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[segment]!;
    const last = path[path.length - 1]!;
    if (edit.value === DELETE) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete (parent as Record<string, Json>)[last as string];
    } else (parent as Record<string | number, Json>)[last] = edit.value;
  }
  return copy;
}

describe('mutated stacks never crash the front end', () => {
  const seeds = SEEDS.map((text) => parse(text) as Json);

  it('the seeds are valid', () => {
    for (const text of SEEDS) expect(checkInvariants(text)).toBe(true);
  });

  it('structural mutations: deleted keys, wrong types, huge strings, deep nesting (6,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(fc.record({ pick: fc.nat(), value: replacement }), { minLength: 1, maxLength: 4 }),
        (seedIndex, edits) => {
          const text = stringify(mutate(seeds[seedIndex]!, edits), { aliasDuplicateObjects: false });
          checkInvariants(text);
        },
      ),
      { numRuns: 6_000, seed: 20261122 },
    );
  }, CASES_TIMEOUT);

  it('byte mutations: random bytes spliced into the text (3,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.array(fc.record({ at: fc.nat(), bytes: fc.string({ unit: 'binary', maxLength: 6 }), cut: fc.nat(4) }), {
          minLength: 1,
          maxLength: 3,
        }),
        (seedIndex, splices) => {
          let text = SEEDS[seedIndex]!;
          for (const { at, bytes, cut } of splices) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + bytes + text.slice(i + cut);
          }
          checkInvariants(text);
        },
      ),
      { numRuns: 3_000, seed: 20261123 },
    );
  }, CASES_TIMEOUT);

  it('plugin dependency cycles of any length are reported, not followed forever (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (length) => {
        const ids = Array.from({ length }, (_, i) => `com.acme.p${i}`);
        const plugins = ids.map((id, i) => ({
          manifest: { id, name: id, version: '1.0.0', dependencies: { [ids[(i + 1) % length]!]: '^1.0.0' } },
          module: './plugin.js',
        }));
        const stack = { manifest: { id: 'com.acme.cycle', name: 'Cycle', version: '1.0.0' }, plugins: [{ id: 'com.objectstack.data' }, ...plugins] };
        expect(checkInvariants(stringify(stack))).toBe(false);
      }),
      { numRuns: 1_000, seed: 20261124 },
    );
  }, CASES_TIMEOUT);

  it('YAML-level hazards: aliases, tags, tabs, duplicate keys, unclosed flows', () => {
    const hazards = [
      'a: &x [1]\nb: *x\n',
      'a: !!js/function "function () {}"\n',
      'manifest:\n\tid: x\n',
      'manifest: {}\nmanifest: {}\n',
      'objects: [\n',
      `${'a: '.repeat(1)}${'['.repeat(5_000)}`,
      'x: &a [*a]\n',
      '\u0000\u0001\u0002',
      '--- \n--- \n',
      '',
    ];
    for (const text of hazards) expect(checkInvariants(text)).toBe(false);
  });
});
