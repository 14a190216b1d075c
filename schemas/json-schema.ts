import { z } from 'zod';
import { ObjectFileSchema } from './object.js';
import { PluginManifestSchema } from './plugin.js';
import { StackSchema } from './stack.js';

type JsonSchemaDocument = Record<string, unknown>;

/**
 * Editors read the input side (what users type: defaults optional, option shorthands allowed) in draft-07,
 * the newest draft yaml-language-server 1.x understands.
 */
function editorJsonSchema(schema: z.ZodType, title: string): JsonSchemaDocument {
  const generated = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as JsonSchemaDocument;
  return { ...generated, title };
}

export function stackJsonSchema(): JsonSchemaDocument {
  return editorJsonSchema(StackSchema, 'objectstack.yaml');
}

export function objectFileJsonSchema(): JsonSchemaDocument {
  return editorJsonSchema(ObjectFileSchema, '*.object.yml');
}

export function pluginManifestJsonSchema(): JsonSchemaDocument {
  return editorJsonSchema(PluginManifestSchema, 'plugin.yml');
}

/** The committed files and their contents: one place decides names and byte format (2-space JSON, final newline). */
export function editorSchemaFiles(): { fileName: string; content: string }[] {
  return [
    { fileName: 'objectstack.schema.json', content: stackJsonSchema() },
    { fileName: 'object.schema.json', content: objectFileJsonSchema() },
    { fileName: 'plugin.schema.json', content: pluginManifestJsonSchema() },
  ].map(({ fileName, content }) => ({ fileName, content: `${JSON.stringify(content, null, 2)}\n` }));
}
