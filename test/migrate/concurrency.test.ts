import { execFile } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.js';
import type { TestProject } from './support/project.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
/** The CLI compiled on its own, so two real processes can run it (vitest transforms only its own process). */
const OUT = join(ROOT, 'node_modules', '.cache', 'objectstack-migrate-concurrency');
const dialects = await dialectsUnderTest('concurrency');

beforeAll(async () => {
  await run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', OUT], { cwd: ROOT }).catch((error: { stdout?: string }) => {
    // Type errors elsewhere in the tree still emit JavaScript; only a missing CLI is fatal.
    if (!readdirSync(join(OUT, 'compiler', 'cli')).includes('main.js')) throw error;
  });
}, 120_000);

async function applyInProcess(project: TestProject): Promise<{ code: number; output: string }> {
  const script = `import(${JSON.stringify(join(OUT, 'compiler', 'cli', 'main.js'))}).then((cli) => cli.main(['migrate', 'apply'])).then((code) => { process.exitCode = code; })`;
  try {
    const { stdout, stderr } = await run(process.execPath, ['-e', script], { cwd: project.dir, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A statement slow enough (about a second) that the two processes overlap. */
const SLOW: Record<string, string> = {
  sqlite: `INSERT INTO "counter" ("id", "n", "created_at", "updated_at") WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 200000) SELECT 'row' || n, n, '2024-01-01', '2024-01-01' FROM seq`,
  postgres: `INSERT INTO "counter" ("id", "n", "created_at", "updated_at") SELECT 'row' || n, n, now(), now() FROM generate_series(1, 200000) AS n, pg_sleep(1)`,
};

describe.each(dialects)('two concurrent `migrate apply` on $name', (dialect) => {
  it('exactly one applies the migration; the other waits and exits cleanly', async () => {
    const project = await dialect.project('concurrent');
    project.writeObjects({ counter: { fields: { n: { type: 'number', scale: 0 } } } });
    expect((await project.cli('migrate', 'create', 'init')).code).toBe(0);
    const [folder] = readdirSync(join(project.dir, 'migrations'));
    appendFileSync(join(project.dir, 'migrations', folder ?? '', `up.${dialect.name}.sql`), `\n${SLOW[dialect.name]};\n`);

    const [first, second] = await Promise.all([applyInProcess(project), applyInProcess(project)]);
    expect([first.code, second.code], `${first.output}\n---\n${second.output}`).toEqual([0, 0]);
    const outputs = [first.output, second.output];
    expect(outputs.filter((output) => output.includes(`applied ${folder}`))).toHaveLength(1);
    expect(outputs.filter((output) => /already up to date|skipped .*applied meanwhile/.test(output))).toHaveLength(1);
    expect(await project.sql('SELECT name FROM objectstack_migrations')).toEqual([{ name: folder }]);
    expect(Number((await project.sql('SELECT count(*) AS count FROM counter'))[0]?.['count'])).toBe(200000);
  });
});
