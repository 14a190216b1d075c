import type { QueryAdapter } from '../drivers/query-adapter.js';
import { columnDecoder, type ColumnDecoder } from './codec.js';
import type { ObjectModel } from './model.js';
import type { DataRecord } from './types.js';

/** A stored row of an object's table as a record of its stored properties, in record order. */
export type RowDecoder = (row: Readonly<Record<string, unknown>>) => DataRecord;

/** Built once per object and engine: which column feeds which property, and how each is decoded. */
export function rowDecoder(model: ObjectModel, adapter: QueryAdapter): RowDecoder {
  const columns: { readonly name: string; readonly column: string; readonly decode: ColumnDecoder }[] = [];
  for (const property of model.properties) {
    if (property.column !== null) columns.push({ name: property.name, column: property.column, decode: columnDecoder(property, adapter) });
  }
  return (row) => {
    const record: DataRecord = {};
    for (const { name, column, decode } of columns) record[name] = decode(row[column], row);
    return record;
  };
}
