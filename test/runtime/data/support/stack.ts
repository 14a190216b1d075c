import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkStack } from '../../../../compiler/index.js';
import type { StackIR } from '../../../../compiler/ir/types.js';

/** Resolves a stack written from these objects (name → definition) through the real compiler; fails on any error. */
export function resolveObjects(objects: Readonly<Record<string, Record<string, unknown>>>): StackIR {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-data-'));
  try {
    const file = join(dir, 'objectstack.yaml');
    writeFileSync(file, stringify({
      manifest: { id: 'com.test.data', name: 'Data test', version: '1.0.0' },
      plugins: [{ id: 'com.objectstack.data' }],
      objects: Object.entries(objects).map(([name, object]) => ({ name, ...object })),
    }));
    const result = checkStack(file);
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0 || !result.ir) throw new Error(`test stack is invalid:\n${errors.map((d) => `${d.code} ${d.message}`).join('\n')}`);
    return result.ir;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
