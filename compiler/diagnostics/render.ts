import { relative } from 'node:path';
import { countBySeverity } from './diagnostic.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { SourceSpan } from './span.js';

export interface RenderOptions {
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
  readonly color: boolean;
  /** The text of a file, for code frames; undefined prints no frame. */
  readonly source: (file: string) => string | undefined;
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

const CONTEXT_LINES = 2;

/**
 * `file:line:col: severity CODE: message`, a code frame with the span underlined, the hint and related places,
 * and after all diagnostics a closing count.
 */
export function renderText(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const paint = painter(options.color);
  const blocks = diagnostics.map((d) => renderOne(d, options, paint));
  return [...blocks, paint.bold(summaryLine(diagnostics))].join('\n\n') + '\n';
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

function renderOne(d: Diagnostic, options: RenderOptions, paint: Painter): string {
  const lines = [`${paint.bold(location(d.span, options.cwd))}: ${paint.severity(d.severity, `${d.severity} ${d.code}`)}: ${d.message}`];
  const text = options.source(d.span.file);
  if (text !== undefined) lines.push(...codeFrame(text, d.span, paint, d.severity));
  if (d.hint) lines.push(`  ${paint.hint('hint')}: ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  ${paint.dim('related')}: ${location(r.span, options.cwd)}: ${r.message}`);
  return lines.join('\n');
}

export function location(span: SourceSpan, cwd: string): string {
  return `${displayPath(span.file, cwd)}:${span.line}:${span.column}`;
}

export function displayPath(file: string, cwd: string): string {
  return relative(cwd, file).split('\\').join('/') || file;
}

function codeFrame(text: string, span: SourceSpan, paint: Painter, severity: Severity): string[] {
  const source = text.split(/\r?\n/);
  const first = Math.max(1, span.line - CONTEXT_LINES);
  const last = Math.min(source.length, span.line + CONTEXT_LINES);
  if (span.line > source.length) return [];
  const width = String(last).length;
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = (source[n - 1] ?? '').replace(/\t/g, ' ');
    const marker = n === span.line ? '>' : ' ';
    frame.push(`${marker} ${paint.dim(`${String(n).padStart(width)} |`)}${content ? ` ${content}` : ''}`);
    if (n === span.line) {
      const end = span.endLine === span.line ? span.endColumn : content.length + 1;
      const underline = '^'.repeat(Math.max(1, end - span.column));
      frame.push(`  ${paint.dim(`${' '.repeat(width)} |`)} ${' '.repeat(span.column - 1)}${paint.severity(severity, underline)}`);
    }
  }
  return frame;
}

interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  hint(text: string): string;
  severity(severity: Severity, text: string): string;
}

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  const severityColor: Record<Severity, (text: string) => string> = { error: wrap(31, 39), warning: wrap(33, 39), info: wrap(36, 39) };
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    hint: wrap(36, 39),
    severity: (severity, text) => severityColor[severity](text),
  };
}

/** The `--format json` document: stable keys, paths relative to the cwd, counts by severity. */
export function renderJson(diagnostics: readonly Diagnostic[], cwd: string): string {
  const counts = countBySeverity(diagnostics);
  const spanJson = (span: SourceSpan) => ({
    file: displayPath(span.file, cwd),
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
  });
  const document = {
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...spanJson(d.span),
      ...(d.hint !== undefined && { hint: d.hint }),
      ...(d.related && { related: d.related.map((r) => ({ message: r.message, ...spanJson(r.span) })) }),
    })),
    counts: { errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
  return JSON.stringify(document, null, 2) + '\n';
}
