import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main.js';
import { salesStack } from '../http/support/sales-stack.js';
import { serveProject, writeProject } from '../http/support/served.js';

const quiet = (cwd: string) => ({ stdout: { write: () => true }, stderr: { write: () => true }, cwd, env: process.env });

describe('serve in a project with migrations', () => {
  const dir = writeProject(salesStack());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies pending migrations through the ledger, then refuses YAML changes no migration covers', async () => {
    // Built first: `migrate create` writes generated/snapshot.json, and the build only writes into a generated/ it owns.
    expect(await main(['build'], quiet(dir))).toBe(0);
    expect(await main(['migrate', 'create', 'init'], quiet(dir))).toBe(0);
    const first = await serveProject(dir);
    expect(first.schema.applied).toEqual([expect.stringContaining('init')]);
    expect(first.schema.refused).toEqual([]);
    expect((await first.request('POST', '/api/v1/data/account', { name: 'Ledgered' })).status).toBe(201);
    await first.stop();

    const again = await serveProject(dir);
    expect(again.schema.applied).toEqual([]);
    await again.stop();

    const stack = salesStack();
    (stack.objects as Record<string, { fields: Record<string, unknown> }>).account!.fields.website = { type: 'url' };
    writeFileSync(join(dir, 'objectstack.yaml'), stringify(stack));
    const drifted = await serveProject(dir);
    expect(drifted.schema.refused.map((op) => op.summary).join('\n')).toContain('website');
    expect(drifted.schema.command).toContain('objectstack migrate create');
    await drifted.stop();
  }, 90_000);
});
