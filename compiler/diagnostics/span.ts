/** One step into a YAML document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/**
 * A place in a source file, 1-based, end exclusive. Every diagnostic and every IR node that came from YAML
 * can produce one.
 */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Where something came from, before positions are known. Positions are computed lazily (only when a
 * diagnostic or a report needs them), because keeping a position for every node costs most of the parse.
 * `target` chooses between the key of a mapping entry and its value.
 */
export interface SourceRef {
  readonly file: string;
  readonly path: readonly PathSegment[];
  readonly target?: 'key' | 'value';
}

export function refChild(ref: SourceRef, ...segments: PathSegment[]): SourceRef {
  return { file: ref.file, path: [...ref.path, ...segments] };
}

export function refKey(ref: SourceRef): SourceRef {
  return { file: ref.file, path: ref.path, target: 'key' };
}

/** A span for a whole file with no better position, e.g. a file that could not be read. */
export function fileSpan(file: string): SourceSpan {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function formatSpan(span: SourceSpan): string {
  return `${span.file}:${span.line}:${span.column}`;
}
