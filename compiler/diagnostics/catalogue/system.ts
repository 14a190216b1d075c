import type { CodeSection } from './entry.js';

/** OS40xx system configuration. */
export const systemCodes = {} as const satisfies CodeSection;
