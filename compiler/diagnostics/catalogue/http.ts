import type { CodeSection } from './entry.js';

/** OS80xx data engine and HTTP API. */
export const httpCodes = {} as const satisfies CodeSection;
