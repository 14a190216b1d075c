import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { buildStack } from '../../compiler/build/index.js';
import { checkStack } from '../../compiler/index.js';
import type { DataEngine } from '../../runtime/data/engine/types.js';
import { createHttpServer, type HostKernel } from '../../runtime/http/server.js';
import { syncSchema } from '../../runtime/serve/schema-sync.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the package, so the bootstrap's `objectstack/runtime` imports resolve to this package (self-reference).
const WORK = join(ROOT, '.objectstack', 'bootstrap-test');
const EXAMPLES: Readonly<Record<string, string>> = { root: '.', crm: 'stacks/crm', todo: 'stacks/todo', 'field-zoo': 'stacks/field-zoo' };

/** Node 20 cannot import TypeScript: transpile a file in place to its `.js` (types erased, nothing else changes). */
function transpile(file: string, to: string): void {
  const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  writeFileSync(to, output.outputText);
}

interface Bootstrap {
  start(options: { logDestination: Writable }): Promise<HostKernel & { stop(): Promise<void> }>;
}

describe('the generated bootstrap of every example stack boots (compiled runtime) and answers over HTTP', () => {
  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  for (const [name, folder] of Object.entries(EXAMPLES)) {
    it(name, async () => {
      expect(existsSync(join(ROOT, 'dist', 'runtime', 'index.js')), 'the bootstrap imports the compiled runtime: run `npm run build`').toBe(true);
      // Made per test: other suites may clear .objectstack/ meanwhile.
      mkdirSync(WORK, { recursive: true });
      const dir = mkdtempSync(join(WORK, `${name}-`));
      cpSync(join(ROOT, folder, 'objectstack.yaml'), join(dir, 'objectstack.yaml'));
      for (const extra of ['objects', 'plugins']) if (existsSync(join(ROOT, folder, extra))) cpSync(join(ROOT, folder, extra), join(dir, extra), { recursive: true });
      const notifier = join(dir, 'plugins', 'notifier', 'index.ts');
      if (existsSync(notifier)) transpile(notifier, notifier.replace(/\.ts$/, '.js'));

      const entry = join(dir, 'objectstack.yaml');
      expect(buildStack(entry).report).toBeDefined();
      const ir = checkStack(entry).ir!;
      const database = join(dir, 'app.db');
      await syncSchema(ir, database, dir);
      transpile(join(dir, 'generated', 'bootstrap.ts'), join(dir, 'generated', 'bootstrap.js'));
      process.env.OBJECTSTACK_DATABASE_URL = database;
      const bootstrap = (await import(pathToFileURL(join(dir, 'generated', 'bootstrap.js')).href)) as Bootstrap;
      const kernel = await bootstrap.start({ logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
      const server = await createHttpServer({
        stack: ir,
        engine: kernel.getService<DataEngine>('data'),
        kernel,
        graphqlSdl: readFileSync(join(dir, 'generated', 'schema.graphql'), 'utf8'),
        openapi: JSON.parse(readFileSync(join(dir, 'generated', 'openapi.json'), 'utf8')) as unknown,
      });
      try {
        const url = await server.listen({ port: 0, host: '127.0.0.1' });
        expect((await fetch(`${url}/api/v1/ready`)).status).toBe(200);
        const objects = ((await (await fetch(`${url}/api/v1/meta/objects`)).json()) as { data: { name: string }[] }).data;
        expect(objects.length).toBe(ir.objects.length);
        for (const object of objects) expect((await fetch(`${url}/api/v1/data/${object.name}`)).status).toBe(200);
        const graphql = await fetch(`${url}/api/v1/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
      } finally {
        await server.close();
        await kernel.stop();
        delete process.env.OBJECTSTACK_DATABASE_URL;
      }
    }, 60_000);
  }
});
