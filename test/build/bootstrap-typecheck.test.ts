import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from '../../compiler/build/index.js';
import { ensureCompiledRuntime, linkObjectstack, typecheck } from './support/consumer-project.js';
import { REPO_ROOT } from './support/temp-stack.js';

const EXAMPLES = ['todo', 'crm', 'field-zoo'];
let project: string;

beforeAll(() => {
  ensureCompiledRuntime();
  project = mkdtempSync(join(tmpdir(), 'objectstack-consumer-'));
  linkObjectstack(project);
  for (const name of EXAMPLES) {
    cpSync(join(REPO_ROOT, 'stacks', name), join(project, name), { recursive: true });
    const result = buildStack(join(project, name, 'objectstack.yaml'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }
  // A variant whose system section and plugin config read the environment: printed as run-time reads.
  cpSync(join(REPO_ROOT, 'stacks/todo'), join(project, 'todo-env'), { recursive: true });
  writeFileSync(join(project, 'todo-env/objectstack.yaml'), withEnvironmentReferences(readFileSync(join(project, 'todo-env/objectstack.yaml'), 'utf8')));
  for (const level of ['debug', 'warn']) {
    const result = buildStack(join(project, 'todo-env/objectstack.yaml'), { env: { LOG_LEVEL: level }, outDir: `generated-${level}` });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }
  // The root stack in place: its bootstrap imports the local notifier plugin relative to generated/, and the
  // built-ins through the package importing itself by name.
  const root = buildStack(join(REPO_ROOT, 'objectstack.yaml'), { outDir: join(project, 'root-generated') });
  expect(root.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

function withEnvironmentReferences(stack: string): string {
  return stack
    .replace('  - id: com.objectstack.data\n', '  - id: com.objectstack.data\n    config:\n      datasource: ${env:DATASOURCE_NAME:-default}\n')
    .concat('\nsystem:\n  logging:\n    level: ${env:LOG_LEVEL}\n');
}

describe('generated bootstrap.ts', () => {
  it('type-checks under strict NodeNext against the runtime, with a consumer whose wrong lines do not compile', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        'import type { Kernel } from "objectstack/runtime";',
        'import { start, stop, type DataPluginConfig } from "./crm/generated/bootstrap.js";',
        'import type { NotifierPluginConfig } from "./root-generated/bootstrap.js";',
        '',
        'export async function boot(): Promise<Kernel> {',
        '  const kernel = await start({ healthCheckTimeoutMs: 500 });',
        '  await stop();',
        '  return kernel;',
        '}',
        '',
        'export const notifier: NotifierPluginConfig = { queue: "q", watchedObjects: ["issue"] };',
        '// @ts-expect-error a string setting given a number',
        'export const wrongType: NotifierPluginConfig = { queue: 1, watchedObjects: [] };',
        '// @ts-expect-error a setting with a default is always present in the resolved config',
        'export const missing: NotifierPluginConfig = { watchedObjects: [] };',
        '// @ts-expect-error an unknown setting',
        'export const unknown: DataPluginConfig = { datasource: "d", defaultPageSize: 1, maxPageSize: 2, extra: 1 };',
        '// @ts-expect-error the stack decides system and objects, not the caller',
        'export const system = start({ system: {} });',
        '',
      ].join('\n'),
    );
    const files = [
      ...EXAMPLES.map((name) => `${name}/generated/bootstrap.ts`),
      'todo-env/generated-debug/bootstrap.ts',
      'root-generated/bootstrap.ts',
      'consumer.ts',
    ];
    const { status, output } = typecheck(project, files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('reads ${env:…} values at run time: no build-time value in the output, same bytes whatever the environment', async () => {
    const debug = readFileSync(join(project, 'todo-env/generated-debug/bootstrap.ts'), 'utf8');
    expect(debug).toContain('    level: env("LOG_LEVEL"),');
    expect(debug).toContain('      datasource: env("DATASOURCE_NAME", "default"),');
    expect(debug).toContain('function env<Value extends string = string>(\n  name: string,\n  fallback?: string,\n): Value {');
    expect(debug).not.toContain('"debug"');
    expect(readFileSync(join(project, 'todo-env/generated-warn/bootstrap.ts'), 'utf8')).toBe(debug);
    expect(await prettier.check(debug, { parser: 'typescript' })).toBe(true);
  });

  it('fails the type-check when a registration does not match the runtime (the check can fail)', () => {
    writeFileSync(join(project, 'broken.ts'), 'import { createKernel } from "objectstack/runtime";\ncreateKernel().register({ manifest: {}, config: {} });\n');
    const { status, output } = typecheck(project, ['broken.ts']);
    expect(status).not.toBe(0);
    expect(output).toMatch(/broken\.ts/);
  });
});
