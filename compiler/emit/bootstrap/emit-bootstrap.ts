import CodeBlockWriter from 'code-block-writer';
import type { Artifact } from '../artifact.js';
import { generatedHeader } from '../artifact.js';
import type { PluginIR, StackIR } from '../../ir/types.js';
import { configMembers } from './config-type.js';
import { RUNTIME_PACKAGE, moduleReference, type ModuleReference } from './module-specifier.js';
import { ENV_HELPER, withEnvironmentReads } from './environment-read.js';
import { OBJECTS_FILE } from './objects-file.js';
import { pluginNames, type PluginNames } from './plugin-names.js';
import { commentText, printLiteral, stringLiteral, type LiteralValue } from './ts-literal.js';

export interface BootstrapContext {
  readonly inputHash: string;
  /** Absolute output directory: local plugin modules are imported relative to it. */
  readonly outDir: string;
  /**
   * Values of the stack file written with `${env:…}`, by `pathKey` of their YAML path, as written: printed as run-time
   * environment reads, never as the value substituted at build time (secrets stay out of generated files).
   */
  readonly environment?: ReadonlyMap<string, string>;
}

export const BOOTSTRAP_FILE = 'bootstrap.ts';

/**
 * `bootstrap.ts`: creates the kernel, registers every plugin in the resolved order with its validated configuration
 * (typed by an interface derived from the plugin's `configuration`), hands the kernel the object metadata and the
 * `system` section, and exports `start(options)` / `stop()`. The object metadata is read from `objects.json` at start
 * rather than inlined, so the bootstrap (and its type-check) does not grow with the number of objects and is not
 * rewritten when an object changes.
 */
export function emitBootstrap(ir: StackIR, context: BootstrapContext): Artifact {
  const environment = context.environment ?? new Map<string, string>();
  let reads = 0;
  const names = pluginNames(ir.plugins);
  const references = new Map(ir.plugins.map((plugin) => [plugin.id, moduleReference(plugin, context.outDir)]));
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useTabs: false, newLine: '\n' });
  writer.write(generatedHeader('slash', context.inputHash));
  writeImports(writer, ir.plugins, names, references);
  for (const plugin of ir.plugins) writeConfigType(writer, plugin, names.get(plugin.id)!);

  writer.blankLine();
  writer.writeLine("/** The stack's `system` section, defaults applied. */");
  const system = withEnvironmentReads(ir.system as LiteralValue, ['system'], environment);
  writer.writeLine(`const system: SystemConfig = ${printLiteral(system.value, 28, 0, ';')};`);
  writer.blankLine();
  writer.writeLine('/** Everything `createKernel` accepts except what the stack decides (system, objects). */');
  writer.writeLine('export type StartOptions = Omit<KernelOptions, "system" | "objects">;');
  writer.blankLine();
  writer.writeLine('let running: Kernel | undefined;');
  writer.blankLine();
  writer.writeLine(`/** Creates the kernel, registers the stack's ${ir.plugins.length} plugin(s) in dependency order and boots it. */`);
  writer.write('export async function start(options: StartOptions = {}): Promise<Kernel>').block(() => {
    writer.writeLine('if (running) return running;');
    writer.writeLine('const kernel = createKernel({ ...options, system, objects: loadObjects() });');
    for (const plugin of ir.plugins) {
      const config = withEnvironmentReads(plugin.config as LiteralValue, [...plugin.origin.path, 'config'], environment);
      reads += config.reads;
      writeRegistration(writer, plugin, config.value, names.get(plugin.id)!, references.get(plugin.id)!);
    }
    writer.writeLine('await kernel.start();');
    writer.writeLine('running = kernel;');
    writer.writeLine('return kernel;');
  });
  writer.blankLine();
  writer.writeLine('/** Shuts the kernel down gracefully (reverse dependency order); a no-op when not started. */');
  writer.write('export async function stop(): Promise<void>').block(() => {
    writer.writeLine('const kernel = running;');
    writer.writeLine('running = undefined;');
    writer.writeLine('await kernel?.stop();');
  });
  writer.blankLine();
  writer.writeLine(`/** The validated object definitions, written beside this file by the build. */`);
  writer.write('function loadObjects(): readonly ObjectDef[]').block(() => {
    writer.writeLine(`const url = new URL(${stringLiteral(`./${OBJECTS_FILE}`)}, import.meta.url);`);
    writer.writeLine('const file = JSON.parse(readFileSync(url, "utf8")) as ObjectsFile;');
    writer.writeLine('return file.objects;');
  });
  writer.blankLine();
  writer.writeLine('interface ObjectsFile {');
  writer.writeLine('  readonly objects: readonly ObjectDef[];');
  writer.writeLine('}');
  if (reads + system.reads > 0) {
    writer.blankLine();
    for (const line of ENV_HELPER) writer.writeLine(line);
  }
  return { path: BOOTSTRAP_FILE, content: writer.toString() };
}

function writeImports(
  writer: CodeBlockWriter,
  plugins: readonly PluginIR[],
  names: ReadonlyMap<string, PluginNames>,
  references: ReadonlyMap<string, ModuleReference>,
): void {
  writer.writeLine('import { readFileSync } from "node:fs";');
  writer.writeLine('import {');
  for (const name of ['createKernel', 'type Kernel', 'type KernelOptions', 'type ObjectDef', 'type SystemConfig']) {
    writer.writeLine(`  ${name},`);
  }
  writer.writeLine(`} from ${stringLiteral(`${RUNTIME_PACKAGE}/runtime`)};`);
  for (const plugin of plugins) {
    const reference = references.get(plugin.id)!;
    // A plugin module's default export is its PluginModule (the convention of the built-ins and `plugin create`).
    if (reference.kind === 'import') {
      writer.writeLine(`import ${names.get(plugin.id)!.moduleIdentifier} from ${stringLiteral(reference.specifier)};`);
    }
  }
}

function writeConfigType(writer: CodeBlockWriter, plugin: PluginIR, names: PluginNames): void {
  writer.blankLine();
  writer.writeLine(`/** Configuration of ${commentText(plugin.id)} ${commentText(plugin.version)}, from its manifest. */`);
  const members = configMembers(plugin.configSchema, 2);
  if (members.length === 0) {
    writer.writeLine(`export type ${names.configType} = Record<string, never>;`);
    return;
  }
  writer.writeLine(`export interface ${names.configType} {`);
  for (const member of members) writer.writeLine(member);
  writer.writeLine('}');
}

function writeRegistration(
  writer: CodeBlockWriter,
  plugin: PluginIR,
  config: LiteralValue,
  names: PluginNames,
  reference: ModuleReference,
): void {
  // Inside start(): the writer indents these lines by 2 (BLOCK), the properties by 2 more. The config literal is
  // checked twice: `satisfies` against the type derived from the manifest, and by inference against the config type
  // the plugin module itself declares.
  const BLOCK = 2;
  const satisfies = ` satisfies ${names.configType}`;
  if (reference.kind === 'url') {
    writer.writeLine(`// ${commentText(plugin.id)} ships no module in this objectstack version yet: the kernel reports it at start.`);
  }
  writer.writeLine('kernel.register({');
  writer.indent(() => {
    writer.writeLine(`manifest: ${printLiteral(plugin.manifest as LiteralValue, BLOCK + 12, 0, ',', BLOCK + 2)},`);
    writer.writeLine(`config: ${printLiteral(config, BLOCK + 10, 0, `${satisfies},`, BLOCK + 2)}${satisfies},`);
    if (reference.kind === 'import') writer.writeLine(`module: ${names.moduleIdentifier},`);
    else writer.writeLine(`url: import.meta.resolve(${stringLiteral(reference.specifier)}),`);
  });
  writer.writeLine('});');
}
