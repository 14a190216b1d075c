/** Timing helpers shared by the benchmark suites. */

export interface Timing {
  /** Median wall time of the measured runs, in milliseconds. */
  readonly medianMs: number;
  /**
   * Median CPU time (user + system, all threads of the process) of the runs. On a shared, oversubscribed machine
   * wall time mostly measures waiting for a core; CPU time stays close to what an idle machine would show.
   */
  readonly medianCpuMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured (JIT, caches), then `runs` times, and reports the median. */
export function measure(fn: () => unknown, { warmup = 2, runs = 7 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpu);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(times), medianCpuMs: median(cpuTimes), minMs: Math.min(...times), runs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Prints rows as an aligned table with a header. */
export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
