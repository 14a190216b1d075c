import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandGlob } from '../../compiler/load/glob.js';
import { MANIFEST, useTempStacks } from '../load/temp-stack.js';
import { check } from './check.js';

// The shared corpus sits next to the repository (../shared/corpus), read-only.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/objectql', import.meta.url));
const files = existsSync(CORPUS) ? expandGlob(CORPUS, '**/*.object.yml') : [];
const writeStack = useTempStacks();

describe.skipIf(files.length === 0)('the ObjectQL corpus', () => {
  it('validates all 28 object files, with only deprecation warnings', () => {
    expect(files).toHaveLength(28);
    const dir = writeStack({});
    writeFileSync(join(dir, 'objectstack.yaml'), `${MANIFEST}include:\n  - ${CORPUS}/**/*.object.yml\n`);
    const { brief, validated } = check(dir);
    expect(brief.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(brief.map((d) => d.code))).toEqual(new Set(['OS1210']));
    expect(validated.objects).toHaveLength(28);
    // The documented extension blocks survive validation.
    const projects = validated.objects.find((o) => o.ref.file.endsWith('projects/projects.object.yml'));
    expect(projects?.def).toHaveProperty('ai');
    expect(projects?.def).toHaveProperty('actions');
  });
});
