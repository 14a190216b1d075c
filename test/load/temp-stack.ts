import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Writes files into a fresh temp folder (removed after each test) and returns the folder. Shared by the load,
 * validate and CLI tests.
 */
export function useTempStacks(): (files: Readonly<Record<string, string>>) => string {
  const created: string[] = [];
  afterEach(() => {
    for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), 'objectstack-test-'));
    created.push(dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return dir;
  };
}

export const MANIFEST = 'manifest:\n  id: com.acme.test\n  name: Test\n  version: 1.0.0\n';
