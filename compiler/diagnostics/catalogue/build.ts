import type { CodeSection } from './entry.js';

/** OS50xx build, emitters and the output writer. */
export const buildCodes = {} as const satisfies CodeSection;
