import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadStack, locate, renderText, validateStack } from '../../../compiler/index.js';
import type { StackIR } from '../../../compiler/ir/index.js';
import { resolveStack } from '../../../compiler/resolve/index.js';

/** The resolved IR of a stack on disk, through the real loader, validator and resolver; throws on any error. */
export function irOf(entryPath: string): StackIR {
  const loaded = loadStack(entryPath, { env: {} });
  const validated = validateStack(loaded);
  const resolved = resolveStack(validated);
  if (resolved.ir === undefined) {
    const diagnostics = locate([...validated.diagnostics, ...resolved.diagnostics], loaded.positions);
    throw new Error(`stack ${entryPath} does not resolve:\n${renderText(diagnostics, { cwd: process.cwd(), color: false, source: (file) => loaded.positions.text(file) })}`);
  }
  return resolved.ir;
}

/** The IR of a stack written from YAML texts into a fresh temporary folder (`objectstack.yaml` is the entry). */
export function irFromYaml(files: Readonly<Record<string, string>>): StackIR {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-emit-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return irOf(join(dir, 'objectstack.yaml'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A stack file with the data plugin and the given objects (YAML text of the `objects:` list items). */
export function stackYaml(objectsYaml: string): string {
  return `manifest:\n  id: com.test.emit\n  name: Emit test\n  version: 1.0.0\nplugins:\n  - id: com.objectstack.data\nobjects:\n${objectsYaml}`;
}

/** The example stacks under `stacks/`, and `root`: the repository's own `objectstack.yaml`. */
export const EXAMPLE_STACKS = ['crm', 'todo', 'field-zoo', 'root'] as const;

export function exampleIr(name: (typeof EXAMPLE_STACKS)[number]): StackIR {
  const repo = join(import.meta.dirname, '../../..');
  return irOf(name === 'root' ? join(repo, 'objectstack.yaml') : join(repo, 'stacks', name, 'objectstack.yaml'));
}

export const INPUT_HASH = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
