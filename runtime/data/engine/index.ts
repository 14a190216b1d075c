export type * from './types.js';
export { DATA_ERROR_STATUS, FILTER_OPERATORS } from './types.js';
export { DataError, isDataError } from './errors.js';
export { createDataEngine, type DataEngineOptions } from './engine.js';
export type { EngineEvents } from './hooks.js';
export { newRecordId, RECORD_ID_PATTERN } from './id.js';
export { filterFromObject, sortFromString } from './query-input.js';
export { observeDataEngine, type DataOperationObservation, type DataOperationObserver } from './observed-engine.js';
