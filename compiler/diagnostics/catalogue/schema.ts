import type { CodeSection } from './entry.js';

/** OS12xx schema validation of documents (keys, types, enums, deprecated spellings). */
export const schemaCodes = {} as const satisfies CodeSection;
