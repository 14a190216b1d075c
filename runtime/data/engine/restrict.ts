import { sql } from 'kysely';
import { DataError } from './errors.js';
import { columnOf, type ObjectModel } from './model.js';
import type { EngineState } from './state.js';
import type { RecordId } from './types.js';

/**
 * `deleteBehavior: restrict`: before deleting, look for records still pointing here, so the 409 can name the
 * object and field (the foreign key would only say "constraint failed"). set_null and cascade are left to the
 * foreign keys the migrations create.
 */
export async function checkRestrictedReferences(state: EngineState, model: ObjectModel, id: RecordId): Promise<void> {
  for (const other of state.models.values()) {
    for (const property of other.properties) {
      const def = property.field?.def as { deleteBehavior?: string } | undefined;
      if (property.reference !== model.name || property.kind !== 'id' || def?.deleteBehavior !== 'restrict') continue;
      const column = columnOf(property);
      const row = await state.driver.db
        .selectFrom(other.table)
        .select(sql<number>`count(*)`.as('total'))
        .where(sql.ref(column), '=', id)
        .executeTakeFirst();
      const total = Number((row as { total?: unknown } | undefined)?.total ?? 0);
      if (total > 0) {
        throw new DataError(
          'conflict',
          `Cannot delete ${model.name} "${id}": ${total} ${other.name} record(s) refer to it through ${property.name} (deleteBehavior: restrict); delete them or point them elsewhere first`,
          [{ field: property.name, problem: `${total} ${other.name} record(s) still refer to this record` }],
        );
      }
    }
  }
}
