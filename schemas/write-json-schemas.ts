import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorSchemaFiles } from './json-schema.js';

/** `npm run schemas`: regenerates the committed editor schemas in the source `schemas/` folder. */
export function writeEditorSchemas(targetDir: string): string[] {
  return editorSchemaFiles().map(({ fileName, content }) => {
    const path = join(targetDir, fileName);
    writeFileSync(path, content);
    return path;
  });
}

const runAsScript = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (runAsScript) {
  // Compiled to dist/schemas/; the committed files live beside the sources, two levels up.
  const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
  for (const path of writeEditorSchemas(sourceDir)) console.log(`wrote ${path}`);
}
