import type { CodeSection } from './entry.js';

/** OS90xx command line usage. */
export const cliCodes = {} as const satisfies CodeSection;
