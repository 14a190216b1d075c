import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { fileSpan } from '../diagnostics/span.js';
import { flowTooDeep } from './prescan.js';
import type { SourceRef, SourceSpan } from '../diagnostics/span.js';

/** Parse options shared by the slow path and position lookups, so both see the same node tree. */
// logLevel 'error': yaml would otherwise print process warnings (e.g. for collection keys) to the user's terminal.
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, maxAliasCount: 100, schema: 'core', logLevel: 'error' } as const;

export interface PositionedDocument {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export function parseWithPositions(text: string): PositionedDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  return { doc, lines };
}

export function offsetSpan(file: string, lines: LineCounter, start: number, end: number): SourceSpan {
  const from = lines.linePos(start);
  const to = lines.linePos(Math.max(start, end));
  return { file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/**
 * Source texts of every loaded file, and positions computed only when asked: the first lookup in a file parses it
 * with `yaml` (keeping node ranges) and caches the tree. Loading itself never pays for positions.
 */
export class PositionIndex {
  private readonly texts = new Map<string, string>();
  private readonly trees = new Map<string, PositionedDocument>();

  addText(file: string, text: string): void {
    this.texts.set(file, text);
  }

  /** Reuse a tree already built (the slow parse path), so the file is never parsed twice. */
  adoptTree(file: string, tree: PositionedDocument): void {
    this.trees.set(file, tree);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /**
   * The span of the node at `ref.path`. When the path goes further than the document (a missing key), the deepest
   * existing entry is used, pointing at its key.
   */
  span(ref: SourceRef): SourceSpan {
    const tree = this.tree(ref.file);
    if (!tree) return fileSpan(ref.file);
    const { node, pair, complete } = walk(tree.doc.contents, ref.path);
    // An entry written without a value (`key:`) has an empty value node; its key is the useful place.
    const emptyValue = !node?.range || node.range[0] === node.range[1];
    const wantKey = ref.target === 'key' || !complete || emptyValue;
    const chosen: Node | null | undefined = (wantKey && pair && isNode(pair.key) ? pair.key : node) ?? pairKey(pair);
    if (!chosen?.range) return fileSpan(ref.file);
    return offsetSpan(ref.file, tree.lines, chosen.range[0], chosen.range[1]);
  }

  private tree(file: string): PositionedDocument | undefined {
    const cached = this.trees.get(file);
    if (cached) return cached;
    const text = this.texts.get(file);
    if (text === undefined || flowTooDeep(text)) return undefined;
    let tree: PositionedDocument;
    try {
      tree = parseWithPositions(text);
    } catch {
      return undefined; // unparseable (already reported while loading): positions fall back to the file start
    }
    this.trees.set(file, tree);
    return tree;
  }
}

interface WalkResult {
  node: Node | null | undefined;
  /** The mapping entry the last step went through, if the last step was a key. */
  pair: Pair<unknown, unknown> | undefined;
  complete: boolean;
}

function walk(root: unknown, path: readonly (string | number)[]): WalkResult {
  let node = isNode(root) ? root : null;
  let pair: Pair<unknown, unknown> | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!next) return { node, pair, complete: false };
      pair = next;
      node = isNode(next.value) ? next.value : null;
    } else if (isSeq(node) && typeof segment === 'number' && isNode(node.items[segment])) {
      node = node.items[segment] as Node;
      pair = undefined;
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function pairKey(pair: Pair<unknown, unknown> | undefined): Node | undefined {
  return pair && isNode(pair.key) ? pair.key : undefined;
}
