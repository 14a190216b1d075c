export { DEFAULT_OUT_DIR, buildStack, type BuildOptions, type BuildResult } from './build-stack.js';
export { watchStack, type WatchOptions } from './watch.js';
export { createProgress, type Progress } from './progress.js';
export { digestInputs, inputPathsOf, type InputDigest, type InputFile } from './input-hash.js';
