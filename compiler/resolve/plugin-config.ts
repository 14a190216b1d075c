import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { PluginManifest } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild, refKey } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { JsonObject, JsonSchemaObject, JsonSchemaProperty, JsonValue } from '../ir/types.js';
import type { ResolveOptions } from './context.js';
import { suggestion } from '../diagnostics/did-you-mean.js';

export interface ConfigCheckInput {
  readonly pluginId: string;
  readonly manifest: PluginManifest;
  /** The entry's `config` as written (after environment substitution). */
  readonly config: Readonly<Record<string, unknown>> | undefined;
  /** The stack's plugin entry. */
  readonly entryRef: SourceRef;
  /** What the loader knows about `${env:…}` references; without it, literal secrets cannot be told apart. */
  readonly environment: Pick<ResolveOptions, 'fromEnvironment' | 'environmentText'>;
}

export interface ConfigCheckResult {
  /** Validated config with defaults applied; only meaningful when no error was reported. */
  readonly config: JsonObject;
  readonly schema: JsonSchemaObject;
  /** Top-level config keys written with an environment reference → the value as written (null if unknown). */
  readonly environment: Record<string, string | null>;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/** The manifest's `configuration.properties`, as the draft-07 JSON Schema ajv checks entries against. */
export function configJsonSchema(manifest: PluginManifest): JsonSchemaObject {
  const properties: Record<string, JsonSchemaProperty> = {};
  const required: string[] = [];
  for (const [key, property] of Object.entries(manifest.configuration?.properties ?? {})) {
    properties[key] = {
      type: property.type,
      // An empty enum is not valid JSON Schema (it would reject every value): the manifest then restricts nothing.
      ...(property.enum && property.enum.length > 0 ? { enum: property.enum } : {}),
      ...(property.default !== undefined ? { default: property.default as JsonValue } : {}),
      ...(property.description ? { description: property.description } : {}),
    };
    if (property.required) required.push(key);
  }
  return { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties, required, additionalProperties: false };
}

// Compiling is the costly part of ajv (milliseconds per schema), so: one compiled validator per distinct schema,
// none at all for a plugin without settings, and no check of our own generated schemas against the draft-07
// meta-schema (`validateSchema: false`), which would cost more than all the plugins' schemas together.
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: JsonSchemaObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, useDefaults: true, strict: false, validateSchema: false });
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Checks an entry's `config` against its manifest's `configuration`, each error located at the offending value. */
export function checkPluginConfig(input: ConfigCheckInput): ConfigCheckResult {
  const schema = configJsonSchema(input.manifest);
  const configRef = refChild(input.entryRef, 'config');
  // ajv writes defaults into the data it checks: give it a copy, never the validated stack.
  const data = structuredClone(input.config ?? {}) as JsonObject;
  const diagnostics: PendingDiagnostic[] = [];
  const nothingToCheck = Object.keys(schema.properties).length === 0 && Object.keys(data).length === 0;
  const validate = nothingToCheck ? undefined : validatorFor(schema);
  if (validate && !validate(data)) {
    for (const error of validate.errors ?? []) {
      diagnostics.push(describeError(error, input, schema, input.config ? configRef : input.entryRef));
    }
  }
  diagnostics.push(...literalSecrets(input, configRef));
  return { config: data, schema, environment: environmentKeys(input, configRef), diagnostics };
}

function describeError(error: ErrorObject, input: ConfigCheckInput, schema: JsonSchemaObject, configRef: SourceRef): PendingDiagnostic {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const at = refChild(configRef, ...path);
  const where = `plugin '${input.pluginId}' config${path.length > 0 ? ` '${path.join('.')}'` : ''}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(schema.properties);
      return {
        code: 'OS2007',
        message: `Unknown key '${key}' in ${where}`,
        at: refKey(refChild(at, key)),
        hint:
          suggestion(key, known) ??
          (known.length > 0 ? `the plugin accepts: ${known.join(', ')}` : `the plugin takes no configuration; remove the key`),
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const description = schema.properties[key]?.description;
      return {
        code: 'OS2006',
        message: `Missing required setting '${key}' in ${where}`,
        at: configRef,
        hint: `add '${key}' under config${description ? ` (${description})` : ''}`,
      };
    }
    case 'enum':
      return {
        code: 'OS2006',
        message: `Invalid value for ${where}: not one of the allowed values`,
        at,
        hint: `use one of: ${(params.allowedValues as JsonValue[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'type':
      return {
        code: 'OS2006',
        message: `Invalid value for ${where}: expected ${String(params.type)}`,
        at,
        hint: `set a ${String(params.type)} value`,
      };
    default:
      return {
        code: 'OS2006',
        message: `Invalid value for ${where}: ${error.message ?? error.keyword}`,
        at,
        hint: "set a value matching the plugin's configuration",
      };
  }
}

function environmentKeys(input: ConfigCheckInput, configRef: SourceRef): Record<string, string | null> {
  const { fromEnvironment, environmentText } = input.environment;
  const keys: Record<string, string | null> = {};
  if (!fromEnvironment || !input.config) return keys;
  for (const key of Object.keys(input.config)) {
    const at = refChild(configRef, key);
    if (fromEnvironment(at)) keys[key] = environmentText?.(at) ?? null;
  }
  return keys;
}

function literalSecrets(input: ConfigCheckInput, configRef: SourceRef): PendingDiagnostic[] {
  const { config } = input;
  const { fromEnvironment } = input.environment;
  if (!fromEnvironment || !config) return [];
  const diagnostics: PendingDiagnostic[] = [];
  for (const [key, property] of Object.entries(input.manifest.configuration?.properties ?? {})) {
    if (!property.secret || config[key] === undefined) continue;
    const at = refChild(configRef, key);
    if (fromEnvironment(at)) continue;
    diagnostics.push({
      code: 'OS2008',
      message: `Secret setting '${key}' of plugin '${input.pluginId}' is written as a literal value`,
      at,
      hint: `read it from the environment: ${key}: \${env:${envName(input.pluginId, key)}}`,
    });
  }
  return diagnostics;
}

/** A suggested variable name: the plugin's last id label and the key, e.g. com.acme.notifier + apiKey → NOTIFIER_API_KEY. */
function envName(pluginId: string, key: string): string {
  const plugin = pluginId.slice(pluginId.lastIndexOf('.') + 1);
  return `${plugin}_${key}`.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
