import type { ScaffoldFile } from './scaffold-file.js';
import { yamlString } from './scaffold-file.js';

/** The folder name of a plugin: its id's last segment (`com.acme.notifier` → `notifier`). */
export function pluginFolder(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1);
}

/**
 * `objectstack plugin create <id>`: `plugins/<name>/plugin.yml` (manifest with one configuration setting),
 * `index.ts` (a PluginModule with init/start/destroy, default-exported as the generated bootstrap imports it) and
 * `index.test.ts` (runs the plugin through a real in-memory kernel with the testing kit).
 */
export function pluginFiles(id: string): ScaffoldFile[] {
  const folder = `plugins/${pluginFolder(id)}`;
  const words = pluginFolder(id).split('-');
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  const title = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  const idLiteral = JSON.stringify(id);
  return [
    {
      path: `${folder}/plugin.yml`,
      content: [
        '# yaml-language-server: $schema=../../node_modules/objectstack/schemas/plugin.schema.json',
        `id: ${yamlString(id)}`,
        `name: ${yamlString(title)}`,
        'version: 0.1.0',
        'type: plugin',
        `description: ${yamlString(`${title}: says hello when a record is created.`)}`,
        'permissions:',
        '  - events.subscribe',
        '  - events.emit',
        'configuration:',
        '  properties:',
        '    greeting:',
        '      type: string',
        '      default: Hello',
        '      description: Word the plugin greets new records with.',
        'contributes:',
        '  events:',
        `    - ${yamlString(`${pluginFolder(id)}.greeted`)}`,
        '',
      ].join('\n'),
    },
    {
      path: `${folder}/index.ts`,
      content: [
        'import type { DataEventPayload, PluginModule } from "objectstack/runtime";',
        '',
        `/** Settings from plugin.yml \`configuration\` (the generated bootstrap checks the stack's values against them). */`,
        `export interface ${pascal}Config {`,
        '  readonly greeting?: string;',
        '}',
        '',
        'let unsubscribe: (() => void) | undefined;',
        '',
        `const plugin: PluginModule<${pascal}Config> = {`,
        '  init(ctx) {',
        '    const greeting = ctx.config.greeting ?? "Hello";',
        '    unsubscribe = ctx.events.on<DataEventPayload>("data.afterInsert", (event) => {',
        '      ctx.logger.info({ object: event.object }, `${greeting}, new ${event.object}`);',
        `      ctx.events.emit(${JSON.stringify(`${pluginFolder(id)}.greeted`)}, { object: event.object, greeting });`,
        '    });',
        '  },',
        '',
        '  start(ctx) {',
        `    ctx.logger.info(${JSON.stringify(`${id} started`)});`,
        '  },',
        '',
        '  destroy() {',
        '    unsubscribe?.();',
        '    unsubscribe = undefined;',
        '  },',
        '};',
        '',
        'export default plugin;',
        '',
      ].join('\n'),
    },
    {
      path: `${folder}/index.test.ts`,
      content: [
        'import { createTestContext } from "objectstack/testing";',
        'import { afterEach, expect, it } from "vitest";',
        `import plugin, { type ${pascal}Config } from "./index.js";`,
        '',
        'let dispose: (() => Promise<void>) | undefined;',
        'afterEach(async () => dispose?.());',
        '',
        `it(${JSON.stringify(`${id} greets every new record`)}, async () => {`,
        `  const ctx = await createTestContext<${pascal}Config>({ plugin, config: { greeting: "Hi" } });`,
        '  dispose = ctx.dispose;',
        '  await ctx.kernel.events.emitAndWait("data.afterInsert", { object: "task", operation: "insert" });',
        `  expect(ctx.expectEvent<{ greeting: string }>(${JSON.stringify(`${pluginFolder(id)}.greeted`)}).greeting).toBe("Hi");`,
        '});',
        '',
      ].join('\n'),
    },
  ];
}

/** The entry to add under `plugins:` in objectstack.yaml. */
export function pluginEntrySnippet(id: string): string {
  return `  - path: ./plugins/${pluginFolder(id)}`;
}
