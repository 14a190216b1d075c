import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../compiler/write/index.js';
import { REPO_ROOT } from './support/temp-stack.js';

/**
 * The build never runs prettier (seconds at 1,000 objects); it prints code the way prettier would. This checks a
 * sample of each TS output kind from the golden fixtures (which the golden test keeps identical to fresh builds):
 * every bootstrap.ts, each types barrel and the first nine per-object type files of each stack (three objects: the
 * types, the metadata module and its declaration).
 */
const GOLDEN = join(REPO_ROOT, 'test/fixtures/golden');

function sample(): string[] {
  const picked: string[] = [];
  for (const stack of readdirSync(GOLDEN).sort()) {
    const files = listFiles(join(GOLDEN, stack)).filter((path) => path.endsWith('.ts') || path.endsWith('.js'));
    const perObject = files.filter((path) => path.startsWith('types/') && path !== 'types/index.ts').slice(0, 9);
    for (const path of files.filter((path) => !path.startsWith('types/') || path === 'types/index.ts')) picked.push(`${stack}/${path}`);
    for (const path of perObject) picked.push(`${stack}/${path}`);
  }
  return picked;
}

describe('generated TypeScript and JavaScript', () => {
  const files = sample();
  it('has a bootstrap.ts sample for every stack', () => {
    expect(files.filter((file) => file.endsWith('/bootstrap.ts')).length).toBeGreaterThanOrEqual(4);
  });
  it.each(files)('%s is already prettier-clean', async (file) => {
    const text = readFileSync(join(GOLDEN, file), 'utf8');
    expect(await prettier.check(text, { parser: file.endsWith('.js') ? 'babel' : 'typescript' })).toBe(true);
  });
  it('the check can fail: a badly formatted sample is caught', async () => {
    expect(await prettier.check('const  x = {a:1}\n', { parser: 'typescript' })).toBe(false);
  });
});
