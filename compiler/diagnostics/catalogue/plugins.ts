import type { CodeSection } from './entry.js';

/** OS20xx plugin manifests and plugin resolution. */
export const pluginsCodes = {
  OS2001: {
    severity: 'error',
    title: 'Plugin dependency cycle',
    explanation:
      'Plugins start in dependency order: each plugin after the plugins it depends on. When dependencies form a ' +
      'cycle there is no such order, so the stack cannot boot. The message shows the whole cycle and each related ' +
      'location is the place where one edge of it is declared.',
    example:
      'plugins:\n  - manifest: { id: com.acme.a, dependencies: { com.acme.b: "^1.0.0" }, … }\n' +
      '  - manifest: { id: com.acme.b, dependencies: { com.acme.a: "^1.0.0" }, … }',
    fix: 'Remove one dependency of the cycle: move the shared part into a third plugin both depend on, or turn one edge into an event subscription.',
  },
  OS2002: {
    severity: 'error',
    title: 'Missing plugin dependency',
    explanation: 'A plugin declares a dependency on a plugin id that no entry of the stack provides.',
    example: 'plugins:\n  - id: com.objectstack.metadata   # depends on com.objectstack.data, which is not listed',
    fix: 'Add the missing plugin to `plugins` (before or after: order is computed), or remove the dependency from the manifest.',
  },
  OS2003: {
    severity: 'error',
    title: 'Plugin version conflict',
    explanation:
      "A plugin's dependency range (a semver range such as `^1.2.0`) does not include the version of the plugin " +
      'the stack provides, so the two may not work together.',
    example: 'dependencies: { com.acme.queue: "^2.0.0" }   # the stack provides com.acme.queue 1.4.0',
    fix: "Use a version of the dependency inside the range, or widen the dependent plugin's range if it is known to work.",
  },
  OS2004: {
    severity: 'error',
    title: 'Duplicate plugin id',
    explanation: 'Two `plugins` entries resolve to the same plugin id. A plugin is registered once; the second entry would replace the first silently.',
    example: 'plugins:\n  - id: com.objectstack.cache\n  - id: com.objectstack.cache',
    fix: 'Keep one entry and merge their `config`.',
  },
  OS2005: {
    severity: 'error',
    title: 'Built-in plugin version outside the requested range',
    explanation:
      "A stack entry asks for a built-in plugin with a `version` range, and the built-in plugin shipped with this " +
      'objectstack has a version outside it.',
    example: 'plugins:\n  - id: com.objectstack.cache\n    version: "^2.0.0"   # this release ships 1.0.0',
    fix: 'Change the range to include the shipped version, or upgrade objectstack to a release that ships a matching version.',
  },
  OS2006: {
    severity: 'error',
    title: 'Invalid plugin configuration value',
    explanation:
      "A plugin entry's `config` does not match the plugin's `configuration` schema: a required property is " +
      'missing, a value has the wrong type, or a value is not one of the allowed values.',
    example: 'plugins:\n  - id: com.objectstack.cache\n    config: { maxEntries: "many" }   # expects a number',
    fix: "Set the value the manifest's `configuration` describes (`objectstack explain` on the plugin lists its properties).",
  },
  OS2007: {
    severity: 'error',
    title: 'Unknown plugin configuration key',
    explanation: "A key under an entry's `config` is not a property of the plugin's `configuration`; it would be ignored, which usually hides a typo.",
    example: 'plugins:\n  - id: com.objectstack.cache\n    config: { maxEntrys: 100 }',
    fix: 'Rename the key to a property the plugin declares (the hint suggests the closest one), or remove it.',
  },
  OS2008: {
    severity: 'warning',
    title: 'Secret configuration given as a literal',
    explanation:
      'The plugin marks this configuration property `secret: true`, yet the stack file holds its value in clear ' +
      'text. Stack files are committed; secrets belong in the environment.',
    example: 'config:\n  apiKey: sk_live_123',
    fix: 'Reference an environment variable instead: `apiKey: ${env:NOTIFIER_API_KEY}`.',
  },
  OS2009: {
    severity: 'warning',
    title: 'Unknown plugin permission',
    explanation:
      "A manifest's `permissions` lists a name that is not in objectstack's permission catalogue. The kernel " +
      'grants nothing for it, so the plugin may fail at run time when it uses the service it meant.',
    example: 'permissions: [data.raed]',
    fix: 'Use a permission from the catalogue (the hint suggests the closest one).',
  },
} as const satisfies CodeSection;
