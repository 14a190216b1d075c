export * from './types.js';
export { deepFreeze } from './freeze.js';
export { FrozenMap } from './frozen-map.js';
