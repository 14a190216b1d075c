export type * from './types.js';
export { DATA_ERROR_STATUS, FILTER_OPERATORS } from './types.js';
export { DataError, isDataError } from './errors.js';
