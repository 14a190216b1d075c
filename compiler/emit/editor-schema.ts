import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../load/package-root.js';
import type { Artifact } from './artifact.js';
import { GENERATED_NOTICE } from './artifact.js';

export const EDITOR_SCHEMA_FILE = 'objectstack.schema.json';

let cached: Record<string, unknown> | undefined;

/**
 * `objectstack.schema.json`: the editor JSON Schema of objectstack.yaml, so a project's modeline can point into its
 * own generated folder. It is the package's schemas/objectstack.schema.json — `stackJsonSchema()`'s output, kept
 * fresh by the schemas' staleness test — read rather than regenerated, because converting the Zod schema costs
 * ~300 ms per build. The header rides in `$comment`, the JSON Schema keyword for notes that validators ignore.
 */
export function emitEditorSchema(inputHash: string): Artifact {
  cached ??= JSON.parse(readFileSync(join(packageRoot(), 'schemas', EDITOR_SCHEMA_FILE), 'utf8')) as Record<string, unknown>;
  const schema = { $comment: `${GENERATED_NOTICE} Input hash: ${inputHash}`, ...cached };
  return { path: EDITOR_SCHEMA_FILE, content: `${JSON.stringify(schema, null, 2)}\n` };
}
