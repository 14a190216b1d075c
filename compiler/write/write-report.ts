/** What a write did, by artifact path (posix, relative to the output directory, sorted). */
export interface WriteReport {
  readonly outDir: string;
  readonly added: readonly string[];
  readonly modified: readonly string[];
  readonly removed: readonly string[];
  /** Files whose bytes already matched: left untouched on disk (same inode, same mtime). */
  readonly unchanged: readonly string[];
}

export function isNoop(report: WriteReport): boolean {
  return report.added.length === 0 && report.modified.length === 0 && report.removed.length === 0;
}

/** One line for a terminal: `wrote 3 files (types/account.ts, schema.graphql, …)` or `up to date`. */
export function summarizeWrite(report: WriteReport, limit = 8): string {
  if (isNoop(report)) return `up to date, nothing written (${report.unchanged.length} files unchanged)`;
  const parts: string[] = [];
  const list = (verb: string, paths: readonly string[]): void => {
    if (paths.length === 0) return;
    const shown = paths.slice(0, limit).join(', ');
    const more = paths.length > limit ? `, … ${paths.length - limit} more` : '';
    parts.push(`${verb} ${paths.length} (${shown}${more})`);
  };
  list('added', report.added);
  list('rewrote', report.modified);
  list('removed', report.removed);
  return `${parts.join('; ')}; ${report.unchanged.length} unchanged`;
}
