import type { CodeSection } from './entry.js';

/** OS10xx YAML files and syntax; OS11xx includes, plugin manifests on disk and environment references. */
export const loadCodes = {
  OS1001: {
    severity: 'error',
    title: 'YAML syntax error',
    explanation:
      'The file is not valid YAML, so nothing in it can be checked. The parser stops understanding the document at this point.',
    example: 'fields:\n  name: { type: text\n',
    fix: 'Correct the syntax at the position shown (a missing closing bracket, quote or colon is the usual cause).',
  },
  OS1002: {
    severity: 'error',
    title: 'Duplicate key',
    explanation:
      'A mapping names the same key twice. YAML parsers disagree on which value wins, so objectstack rejects the file instead of guessing.',
    example: 'fields:\n  name: { type: text }\n  name: { type: email }\n',
    fix: 'Remove one of the two entries or rename it.',
  },
  OS1003: {
    severity: 'error',
    title: 'Tab used for indentation',
    explanation: 'YAML forbids tab characters in indentation; editors show them as spaces, which hides the real structure.',
    example: 'fields:\n\tname: { type: text }\n',
    fix: 'Indent with spaces (configure your editor to insert spaces for .yml files).',
  },
  OS1004: {
    severity: 'error',
    title: 'Anchors and aliases are not supported',
    explanation:
      'Anchors (&name) and aliases (*name) make one value appear in several places; diagnostics could then only point at the anchor, and a change there silently changes every copy.',
    example: 'fields:\n  a: &text { type: text }\n  b: *text\n',
    fix: 'Repeat the value where it is used.',
  },
  OS1005: {
    severity: 'error',
    title: 'Unknown YAML tag',
    explanation:
      'The value carries an explicit tag (such as !!js/function) that objectstack does not understand. Tags that execute code are never evaluated. The value is kept as a plain string so the rest of the file is still checked.',
    example: 'fields:\n  total:\n    type: formula\n    expression: !!js/function "function () { return 1 }"\n',
    fix: 'Remove the tag and write the value as plain YAML (for computed values, use a formula field expression).',
  },
  OS1006: {
    severity: 'error',
    title: 'File cannot be read',
    explanation: 'A file the stack refers to does not exist or cannot be read.',
    example: 'objectstack validate ./missing/objectstack.yaml',
    fix: 'Check the path (relative paths are resolved from the stack file’s folder) and the file permissions.',
  },
  OS1101: {
    severity: 'error',
    title: 'Include matched no files',
    explanation: 'An `include` pattern matched no file, so the objects it was meant to bring in are missing from the stack.',
    example: 'include:\n  - objects/*.objct.yml\n',
    fix: 'Correct the pattern; it is resolved relative to the folder of objectstack.yaml and supports *, ** and ?.',
  },
  OS1102: {
    severity: 'error',
    title: 'Environment variable not set',
    explanation:
      'A value references an environment variable with ${env:NAME} and the variable is not set, so the value cannot be computed.',
    example: 'datasources:\n  default:\n    url: ${env:DATABASE_URL}\n',
    fix: 'Set the variable before running the command, or give a default with ${env:NAME:-default}.',
  },
  OS1103: {
    severity: 'error',
    title: 'Plugin manifest not found',
    explanation: 'A plugin entry points at a local folder with `path`, and that folder has no plugin.yml manifest.',
    example: 'plugins:\n  - path: ./plugins/billing\n',
    fix: 'Check the path (relative to objectstack.yaml) and add a plugin.yml to the plugin folder.',
  },
  OS1104: {
    severity: 'error',
    title: 'Unknown built-in plugin',
    explanation: 'A plugin entry references a plugin by `id`, and no built-in plugin has that id.',
    example: 'plugins:\n  - id: com.objectstack.dta\n',
    fix: 'Use the id of a built-in plugin, or reference a local plugin folder with `path`.',
  },
  OS1105: {
    severity: 'error',
    title: 'Plugin module not found',
    explanation: 'A plugin declares an entry module file that does not exist, so the runtime could not load it.',
    example: 'plugins:\n  - manifest: { id: com.acme.audit, name: Audit, version: 1.0.0 }\n    module: ./plugins/audit.js\n',
    fix: 'Correct the module path (relative to the file that declares it) or create the module.',
  },
} as const satisfies CodeSection;
