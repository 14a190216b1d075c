import type { z } from 'zod';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import { issueDiagnostics } from './map-issues.js';

export type DocumentResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** Parses one document with its schema; every issue becomes a located diagnostic appended to `diagnostics`. */
export function validateDocument<S extends z.ZodType>(
  schema: S,
  data: unknown,
  ref: SourceRef,
  diagnostics: PendingDiagnostic[],
): DocumentResult<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  diagnostics.push(...issueDiagnostics(result.error.issues, { schema, data, ref }));
  return { ok: false };
}
