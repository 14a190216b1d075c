import { CATALOGUE } from './catalogue.js';
import { compareDiagnostics, isSpan } from './diagnostic.js';
import type { Diagnostic, PendingDiagnostic } from './diagnostic.js';
import type { SourceRef, SourceSpan } from './span.js';

/** Turns a reference into a span; the loader's PositionIndex computes them lazily, one file at a time. */
export interface SpanResolver {
  span(ref: SourceRef): SourceSpan;
}

/**
 * Resolves pending diagnostics to located ones, with the catalogue's severity unless the producer chose one, in the
 * stable order the renderers print. Exact duplicates (the same problem found twice) are kept once.
 */
export function locate(pending: readonly PendingDiagnostic[], resolver: SpanResolver): Diagnostic[] {
  const where = (at: SourceRef | SourceSpan): SourceSpan => (isSpan(at) ? at : resolver.span(at));
  const seen = new Set<string>();
  const located: Diagnostic[] = [];
  for (const p of pending) {
    const diagnostic: Diagnostic = {
      code: p.code,
      severity: p.severity ?? CATALOGUE[p.code].severity,
      message: p.message,
      span: where(p.at),
      ...(p.hint !== undefined && { hint: p.hint }),
      ...(p.related && { related: p.related.map((r) => ({ span: where(r.at), message: r.message })) }),
    };
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) continue;
    seen.add(key);
    located.push(diagnostic);
  }
  return located.sort(compareDiagnostics);
}
