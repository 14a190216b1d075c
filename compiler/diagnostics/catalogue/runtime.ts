import type { CodeSection } from './entry.js';

/** OS70xx runtime kernel (boot, services, permissions, plugins). */
export const runtimeCodes = {} as const satisfies CodeSection;
