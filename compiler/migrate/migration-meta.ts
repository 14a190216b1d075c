import { z } from 'zod';
import { CLASSIFICATIONS, type PlannedOperation } from './operations.js';
import { DIALECT_NAMES } from './dialect.js';

export const MigrationStepSchema = z.strictObject({
  kind: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  summary: z.string(),
  reason: z.string(),
  object: z.string().nullable(),
  field: z.string().nullable(),
});
export type MigrationStep = z.output<typeof MigrationStepSchema>;

/** What a reader needs of a planned operation, without the operation itself: meta.json steps and `diff --format json`. */
export function stepOf(planned: PlannedOperation): MigrationStep {
  return {
    kind: planned.operation.kind,
    classification: planned.classification,
    summary: planned.summary,
    reason: planned.reason,
    object: planned.object,
    field: planned.field,
  };
}

export const DialectPlanSchema = z.strictObject({
  /** Whether `down.<dialect>.sql` restores the previous schema (no step drops data). */
  reversible: z.boolean(),
  steps: z.array(MigrationStepSchema),
});

/** `migrations/<sequence>_<name>/meta.json`. */
export const MigrationMetaSchema = z.strictObject({
  version: z.literal(1),
  name: z.string(),
  /** Snapshot hash of the schema the migration starts from (the database's recorded state must be this). */
  from: z.string(),
  /** Snapshot hash after the migration (`snapshot.json` in the same folder). */
  to: z.string(),
  dialects: z.partialRecord(z.enum(DIALECT_NAMES), DialectPlanSchema),
});
export type MigrationMeta = z.output<typeof MigrationMetaSchema>;
