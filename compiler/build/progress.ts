import type { OutputStream } from '../cli/io.js';

/** Builds quicker than this never show a progress line: it would only flicker. */
export const SHOW_AFTER_MS = 300;

export interface Progress {
  /** Names the phase starting now; shown once the build has taken longer than a moment, on a terminal only. */
  step(label: string): void;
  /** Ends the build: clears the line (if one was shown); the next `step` starts a new build's clock. */
  done(): void;
}

export function createProgress(stream: OutputStream, now: () => number = () => performance.now()): Progress {
  let started: number | undefined;
  let shown = false;
  return {
    step(label) {
      started ??= now();
      if (!stream.isTTY || now() - started < SHOW_AFTER_MS) return;
      shown = true;
      stream.write(`\r\x1b[2Kobjectstack build: ${label}…`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
      started = undefined;
    },
  };
}

export const SILENT_PROGRESS: Progress = { step() {}, done() {} };
