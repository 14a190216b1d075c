export type { DataDriver } from './driver.js';
export type { QueryAdapter, ConstraintViolation } from './query-adapter.js';
export { openDriver } from './open-driver.js';
export { openSqliteDriver } from './sqlite.js';
export { openPostgresDriver, type PostgresDriverOptions } from './postgres.js';
