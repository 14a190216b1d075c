import type { Severity } from '../diagnostic.js';

/**
 * One permanent diagnostic code. A code never changes meaning: retire it (keep the entry, mark `retired`) and add a
 * new one instead.
 */
export interface CatalogueEntry {
  /** Default severity; a producer may lower an error to a warning only where the entry says so. */
  readonly severity: Severity;
  /** Short, stable name, e.g. "Unknown key". */
  readonly title: string;
  /** What happened and why it matters. */
  readonly explanation: string;
  /** A minimal YAML (or command) that triggers it. */
  readonly example: string;
  /** What to do about it. */
  readonly fix: string;
  readonly retired?: true;
}

export type CodeSection = Readonly<Record<`OS${number}`, CatalogueEntry>>;
