import type { Artifact } from '../artifact.js';
import { GENERATED_JSON_KEY, generatedJsonMarker } from '../artifact.js';
import type { StackIR } from '../../ir/types.js';

export const OBJECTS_FILE = 'objects.json';

/**
 * `objects.json`: the validated object definitions the kernel's object catalogue serves (defaults applied, ObjectQL
 * spellings already rewritten), in the IR's order (sorted by name). The bootstrap reads it at start.
 */
export function emitObjectsFile(ir: StackIR, inputHash: string): Artifact {
  const content = { [GENERATED_JSON_KEY]: generatedJsonMarker(inputHash), objects: ir.objects.map((object) => object.def) };
  return { path: OBJECTS_FILE, content: `${JSON.stringify(content, null, 2)}\n` };
}
