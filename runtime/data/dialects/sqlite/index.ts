import type { Dialect } from '../../../../compiler/migrate/dialect.js';
import { sqlitePhysicalTable, sqliteTypeChange } from './column-types.js';
import { renderSqlite } from './ddl.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  physicalTable: sqlitePhysicalTable,
  typeChange: sqliteTypeChange,
  render: renderSqlite,
};

export { openSqlite } from './connection.js';
