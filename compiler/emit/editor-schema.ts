import { stackJsonSchema } from '../../schemas/json-schema.js';
import type { Artifact } from './artifact.js';
import { GENERATED_NOTICE } from './artifact.js';

export const EDITOR_SCHEMA_FILE = 'objectstack.schema.json';

/**
 * `objectstack.schema.json`: the editor JSON Schema of objectstack.yaml (the same schema as
 * schemas/objectstack.schema.json), so a project's modeline can point into its own generated folder. The header
 * rides in `$comment`, the JSON Schema keyword for notes that validators ignore.
 */
export function emitEditorSchema(inputHash: string): Artifact {
  const schema = { $comment: `${GENERATED_NOTICE} Input hash: ${inputHash}`, ...stackJsonSchema() };
  return { path: EDITOR_SCHEMA_FILE, content: `${JSON.stringify(schema, null, 2)}\n` };
}
