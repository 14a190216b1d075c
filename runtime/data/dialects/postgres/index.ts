import type { Dialect } from '../../../../compiler/migrate/dialect.js';
import { postgresPhysicalTable, postgresTypeChange } from './column-types.js';
import { renderPostgres } from './ddl.js';

export const postgresDialect: Dialect = {
  name: 'postgres',
  physicalTable: postgresPhysicalTable,
  typeChange: postgresTypeChange,
  render: renderPostgres,
};

export { openPostgres } from './connection.js';
