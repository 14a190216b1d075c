import jsYaml from 'js-yaml';
import { isAlias, isNode, visit } from 'yaml';
import type { YAMLError } from 'yaml';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import { fileSpan } from '../diagnostics/span.js';
import { flowTooDeep, MAX_FLOW_DEPTH, needsFullParse } from './prescan.js';
import { offsetSpan, parseWithPositions, YAML_OPTIONS } from './position-index.js';
import type { PositionIndex, PositionedDocument } from './position-index.js';

export interface ParsedYaml {
  readonly data: unknown;
  readonly wellFormed: boolean;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/**
 * Fast path: js-yaml with the core schema (no timestamps, no code-executing tags) gives plain data without
 * positions. Whenever the text may hold something js-yaml would accept silently, or js-yaml rejects it, the full
 * `yaml` parse runs instead and turns every problem into a located diagnostic; its tree is kept for positions.
 */
export function parseYaml(file: string, text: string, positions: PositionIndex): ParsedYaml {
  positions.addText(file, text);
  if (!needsFullParse(text)) {
    try {
      return { data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file }) ?? null, wellFormed: true, diagnostics: [] };
    } catch {
      // Fall through: the slow path reports the problem with yaml's own positions.
    }
  }
  const refuse = (reason: string): ParsedYaml => ({
    data: null,
    wellFormed: false,
    diagnostics: [{ code: 'OS1001', message: `YAML syntax error: ${reason}`, at: fileSpan(file) }],
  });
  if (flowTooDeep(text)) return refuse(`brackets nest more than ${MAX_FLOW_DEPTH} levels deep`);
  let tree: PositionedDocument;
  try {
    tree = parseWithPositions(text);
  } catch (error) {
    // Only pathological input gets here (nesting deep enough to exhaust the stack); report it, never crash.
    return refuse(error instanceof RangeError ? 'the document is nested too deeply' : String(error));
  }
  positions.adoptTree(file, tree);
  return fullParse(file, text, tree);
}

function fullParse(file: string, text: string, { doc, lines }: PositionedDocument): ParsedYaml {
  const diagnostics: PendingDiagnostic[] = [];
  const at = (start: number, end: number) => offsetSpan(file, lines, start, end);
  for (const error of doc.errors) {
    const [start, errorEnd] = error.pos;
    // yaml marks only the first character of a duplicate key; widen to the whole key.
    const key = error.code === 'DUPLICATE_KEY' ? /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/.exec(text.slice(start))?.[1] : undefined;
    const end = key ? start + key.length : errorEnd;
    const { code, message } = describeError(error, key ?? text.slice(start, end));
    diagnostics.push({ code, message, at: at(start, end), ...hintFor(code) });
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = text.slice(start, end).trim();
      diagnostics.push({
        code: 'OS1005',
        message: `Unknown YAML tag ${tag}; the value is kept as a plain string`,
        at: at(start, end),
        hint: 'remove the tag; objectstack never evaluates tagged values',
      });
    }
  }
  diagnostics.push(...anchorDiagnostics(file, { doc, lines }));
  // Errors make the data unreliable; warnings (unknown tags) and aliases still leave usable data.
  const wellFormed = doc.errors.length === 0;
  let data: unknown = null;
  try {
    data = doc.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount }) ?? null;
  } catch {
    // An alias explosion (billion laughs) stops here; the alias diagnostics above already explain it.
    return { data: null, wellFormed: false, diagnostics };
  }
  return { data, wellFormed, diagnostics };
}

function describeError(error: YAMLError, source: string): { code: DiagnosticCode; message: string } {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { code: 'OS1002', message: `Duplicate key "${source.trim()}"` };
    case 'TAB_AS_INDENT':
      return { code: 'OS1003', message: 'Tab character used for indentation' };
    default:
      return { code: 'OS1001', message: `YAML syntax error: ${firstLine(error.message)}` };
  }
}

function hintFor(code: DiagnosticCode): { hint?: string } {
  if (code === 'OS1002') return { hint: 'remove one of the two entries or rename it' };
  if (code === 'OS1003') return { hint: 'indent with spaces' };
  return {};
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Every alias, and every anchor no alias uses, is an error: one place per value keeps diagnostics exact. */
function anchorDiagnostics(file: string, { doc, lines }: PositionedDocument): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const used = new Set<string>();
  const anchored: { name: string; range: [number, number] }[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      used.add(node.source);
      if (node.range) {
        diagnostics.push({
          code: 'OS1004',
          message: `Alias *${node.source} is not supported; repeat the value here`,
          at: offsetSpan(file, lines, node.range[0], node.range[1]),
          hint: 'copy the anchored value instead of referring to it',
        });
      }
    } else if (isNode(node) && node.anchor && node.range) {
      anchored.push({ name: node.anchor, range: [node.range[0], node.range[1]] });
    }
  });
  for (const { name, range } of anchored) {
    if (used.has(name)) continue;
    diagnostics.push({
      code: 'OS1004',
      message: `Anchor &${name} is not supported`,
      at: offsetSpan(file, lines, range[0], range[1]),
      hint: 'remove the anchor',
    });
  }
  return diagnostics;
}
