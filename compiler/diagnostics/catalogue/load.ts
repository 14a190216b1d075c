import type { CodeSection } from './entry.js';

/** OS10xx YAML files and syntax; OS11xx includes and environment references. */
export const loadCodes = {} as const satisfies CodeSection;
