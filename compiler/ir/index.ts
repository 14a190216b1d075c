export * from './types.js';
export { deepFreeze } from './freeze.js';
export { FrozenMap } from './frozen-map.js';
export { fromTransferable, toTransferable, type TransferableIR } from './transfer.js';
