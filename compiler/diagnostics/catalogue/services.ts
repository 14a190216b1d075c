import type { CodeSection } from './entry.js';

/** OS21xx service providers and requirements. */
export const servicesCodes = {} as const satisfies CodeSection;
