import type { z } from 'zod';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { isSpan } from '../diagnostics/diagnostic.js';
import type { PathSegment, SourceRef } from '../diagnostics/span.js';
import { issueDiagnostics } from './map-issues.js';

export type DocumentResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** Parses one document with its schema; every issue becomes a located diagnostic appended to `diagnostics`. */
export function validateDocument<S extends z.ZodType>(
  schema: S,
  data: unknown,
  ref: SourceRef,
  diagnostics: PendingDiagnostic[],
  /** Maps a path of `data` to where it was written, when `data` was rewritten before validation. */
  originalPath?: (path: readonly PathSegment[]) => PathSegment[],
): DocumentResult<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const found = issueDiagnostics(result.error.issues, { schema, data, ref });
  diagnostics.push(...(originalPath ? found.map((d) => (isSpan(d.at) ? d : { ...d, at: { ...d.at, path: originalPath(d.at.path) } })) : found));
  return { ok: false };
}
