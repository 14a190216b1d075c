import type { CodeSection } from './entry.js';

/** OS60xx diff, migrations and the ledger. */
export const migrateCodes = {} as const satisfies CodeSection;
