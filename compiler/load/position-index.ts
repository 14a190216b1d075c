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
  private readonly blocks = new Map<string, TopLevelBlock | null>();

  /**
   * @param largeFile files at least this long are not parsed whole for a lookup when the top-level entry the path
   *   starts in can be parsed alone (a warning about `plugins` in a 2 MiB single-file stack parses a few lines).
   */
  constructor(private readonly largeFile = 64 * 1024) {}

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
    const text = this.texts.get(ref.file);
    if (ref.path.length === 0 && text !== undefined && text.length >= this.largeFile && !this.trees.has(ref.file)) {
      return firstContentLine(ref.file, text); // the whole document: its first line is what gets shown
    }
    const block = this.trees.has(ref.file) ? undefined : this.block(ref);
    if (block) {
      const found = spanIn(block.tree, ref);
      if (found) return { ...found, file: ref.file, line: found.line + block.lineOffset, endLine: found.endLine + block.lineOffset };
    }
    const tree = this.treeOf(ref.file);
    return (tree && spanIn(tree, ref)) ?? fileSpan(ref.file);
  }

  /** The top-level block mapping entry `ref.path[0]` of a large file, parsed alone; null when that cannot be done. */
  private block(ref: SourceRef): TopLevelBlock | undefined {
    const text = this.texts.get(ref.file);
    const key = ref.path[0];
    if (text === undefined || text.length < this.largeFile || typeof key !== 'string' || !/^[A-Za-z_$][\w$-]*$/.test(key)) return undefined;
    const id = JSON.stringify([ref.file, key]);
    if (!this.blocks.has(id)) this.blocks.set(id, topLevelBlock(text, key));
    return this.blocks.get(id) ?? undefined;
  }

  private treeOf(file: string): PositionedDocument | undefined {
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

/** The span of `ref` in a parsed tree, or undefined when the tree has no node to point at. */
function spanIn(tree: PositionedDocument, ref: SourceRef): SourceSpan | undefined {
  const { node, pair, complete } = walk(tree.doc.contents, ref.path);
  // An entry written without a value (`key:`) has an empty value node; its key is the useful place.
  const emptyValue = !node?.range || node.range[0] === node.range[1];
  const wantKey = ref.target === 'key' || !complete || emptyValue;
  const chosen: Node | null | undefined = (wantKey && pair && isNode(pair.key) ? pair.key : node) ?? pairKey(pair);
  if (!chosen?.range) return undefined;
  return offsetSpan(ref.file, tree.lines, chosen.range[0], chosen.range[1]);
}

/** The first line holding YAML content (not blank, a comment, a directive or a document marker), as a span. */
function firstContentLine(file: string, text: string): SourceSpan {
  const lines = text.split('\n', 10_000);
  const index = lines.findIndex((line) => !/^\s*(#.*)?\r?$/.test(line) && !/^(%|---\s*$)/.test(line));
  if (index < 0) return fileSpan(file);
  const line = (lines[index] ?? '').replace(/\r$/, '');
  const column = line.length - line.trimStart().length + 1;
  return { file, line: index + 1, column, endLine: index + 1, endColumn: line.length + 1 };
}

interface TopLevelBlock {
  readonly tree: PositionedDocument;
  /** Lines before the block in the file. */
  readonly lineOffset: number;
}

/**
 * `key:` at column 0 up to the next line that starts at column 0 with anything but a comment (the next key or a
 * document marker): in a block mapping that slice is a document of its own with the same structure. Null when the
 * key is not written that way or the slice does not parse cleanly; the caller then parses the whole file.
 */
function topLevelBlock(text: string, key: string): TopLevelBlock | null {
  const escaped = key.replace(/[$-]/g, '\\$&');
  const start = new RegExp(`^${escaped}[ \\t]*:(?=[ \\t\\r\\n]|$)`, 'm').exec(text);
  if (!start) return null;
  const rest = text.slice(start.index);
  const next = /\n(?![ \t#\r\n])/.exec(rest);
  const slice = next ? rest.slice(0, next.index + 1) : rest;
  let tree: PositionedDocument;
  try {
    tree = parseWithPositions(slice);
  } catch {
    return null;
  }
  if (tree.doc.errors.length > 0) return null;
  return { tree, lineOffset: text.slice(0, start.index).split('\n').length - 1 };
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
