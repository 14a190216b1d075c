import { z } from 'zod';

/** Bumped when the snapshot's meaning changes; a reader refuses versions it does not know. */
export const SNAPSHOT_VERSION = 1;

/**
 * Dialect-neutral column types. Each dialect folder maps them to SQL (`runtime/data/dialects/<dialect>/column-types.ts`),
 * so the snapshot says what a column holds, never how one database spells it.
 */
export const LOGICAL_TYPES = ['id', 'text', 'integer', 'decimal', 'real', 'boolean', 'date', 'datetime', 'time', 'json'] as const;
export const LogicalTypeSchema = z.enum(LOGICAL_TYPES);
export type LogicalType = z.output<typeof LogicalTypeSchema>;

export const DELETE_BEHAVIORS = ['set_null', 'cascade', 'restrict'] as const;
export const DeleteBehaviorSchema = z.enum(DELETE_BEHAVIORS);
export type DeleteBehavior = z.output<typeof DeleteBehaviorSchema>;

const name = z.string().min(1);

export const ColumnReferenceSchema = z.strictObject({
  table: name.describe('Referenced table'),
  column: name.describe('Referenced column (the primary key)'),
  onDelete: DeleteBehaviorSchema,
});
export type ColumnReference = z.output<typeof ColumnReferenceSchema>;

export const ColumnSnapshotSchema = z.strictObject({
  name: name.describe('Physical column name'),
  field: name.nullable().describe('Field the column stores; null for system columns and join-table columns'),
  type: LogicalTypeSchema,
  maxLength: z.number().int().positive().optional(),
  precision: z.number().int().positive().optional(),
  scale: z.number().int().min(0).optional(),
  notNull: z.boolean(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional().describe('Database default (primitive literal)'),
  options: z.array(z.string()).optional().describe('Allowed values (a CHECK constraint), in declared order'),
  references: ColumnReferenceSchema.optional(),
  renamedFrom: name.optional().describe('Previous column name: a rename, never a drop + add (not part of the hash)'),
});
export type ColumnSnapshot = z.output<typeof ColumnSnapshotSchema>;

export const IndexSnapshotSchema = z.strictObject({
  name,
  columns: z.array(name).min(1),
  unique: z.boolean(),
});
export type IndexSnapshot = z.output<typeof IndexSnapshotSchema>;

export const TableSnapshotSchema = z.strictObject({
  name: name.describe('Physical table name'),
  object: name.describe('Object the table belongs to'),
  field: name.nullable().describe('For a join table: the multiple lookup field it stores; else null'),
  columns: z.array(ColumnSnapshotSchema).min(1),
  primaryKey: z.array(name).min(1),
  indexes: z.array(IndexSnapshotSchema),
  renamedFrom: name.optional().describe('Previous table name (not part of the hash)'),
});
export type TableSnapshot = z.output<typeof TableSnapshotSchema>;

/** `generated/snapshot.json`: the physical schema a stack needs, dialect-neutral, sorted by table name. */
export const SnapshotSchema = z.strictObject({
  version: z.literal(SNAPSHOT_VERSION),
  hash: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical content without renamedFrom hints'),
  tables: z.array(TableSnapshotSchema),
});
export type Snapshot = z.output<typeof SnapshotSchema>;
