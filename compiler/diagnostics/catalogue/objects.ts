import type { CodeSection } from './entry.js';

/** OS30xx object and field semantics (references, indexes, formulas, namespaces). */
export const objectsCodes = {} as const satisfies CodeSection;
