import type { CodeSection } from './entry.js';

/** OS20xx plugin manifests and plugin resolution. */
export const pluginsCodes = {} as const satisfies CodeSection;
