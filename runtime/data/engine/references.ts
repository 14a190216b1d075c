import { sql } from 'kysely';
import { DataError } from './errors.js';
import { columnOf, type ObjectModel, type PropertyModel } from './model.js';
import type { EngineState } from './state.js';
import type { RecordId } from './types.js';

type DeleteBehavior = 'set_null' | 'cascade' | 'restrict';

interface Referrer {
  readonly model: ObjectModel;
  readonly property: PropertyModel;
  readonly behavior: DeleteBehavior;
}

/** The single-value references (lookup, master_detail, tree) to `model`, with what deleting a target does to them. */
function referrersOf(state: EngineState, model: ObjectModel): Referrer[] {
  const referrers: Referrer[] = [];
  for (const other of state.models.values()) {
    for (const property of other.properties) {
      const def = property.field?.def as { deleteBehavior?: DeleteBehavior } | undefined;
      if (property.reference !== model.name || property.kind !== 'id' || !def?.deleteBehavior) continue;
      referrers.push({ model: other, property, behavior: def.deleteBehavior });
    }
  }
  return referrers;
}

/**
 * `deleteBehavior: restrict`: before deleting, look for records still pointing here, so the 409 can name the
 * object and field (the foreign key would only say "constraint failed"). set_null and cascade are carried out by
 * the foreign keys the migrations create.
 */
export async function checkRestrictedReferences(state: EngineState, model: ObjectModel, id: RecordId): Promise<void> {
  for (const { model: other, property, behavior } of referrersOf(state, model)) {
    if (behavior !== 'restrict') continue;
    const row = await state.driver.db
      .selectFrom(other.table)
      .select(sql<number>`count(*)`.as('total'))
      .where(sql.ref(columnOf(property)), '=', id)
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

export interface CascadeVictims {
  readonly model: ObjectModel;
  readonly ids: readonly RecordId[];
}

/**
 * The records a delete will remove through `cascade` references, transitively (children, their children, …), one
 * query per reference per level, so that the engine can announce their deletion too (the database removes them
 * silently).
 */
export async function cascadeVictims(state: EngineState, model: ObjectModel, id: RecordId): Promise<CascadeVictims[]> {
  const seen = new Set<string>([`${model.name}\0${id}`]);
  const victims = new Map<ObjectModel, RecordId[]>();
  let frontier: CascadeVictims[] = [{ model, ids: [id] }];
  while (frontier.length > 0) {
    const next: CascadeVictims[] = [];
    for (const parent of frontier) {
      for (const { model: child, property, behavior } of referrersOf(state, parent.model)) {
        if (behavior !== 'cascade') continue;
        const rows = (await state.driver.db
          .selectFrom(child.table)
          .select(sql<string>`${sql.ref('id')}`.as('id'))
          .where(sql.ref(columnOf(property)), 'in', [...parent.ids])
          .execute()) as { id: string }[];
        const fresh = rows.map((row) => String(row.id)).filter((childId) => !seen.has(`${child.name}\0${childId}`));
        if (fresh.length === 0) continue;
        for (const childId of fresh) seen.add(`${child.name}\0${childId}`);
        victims.set(child, [...(victims.get(child) ?? []), ...fresh]);
        next.push({ model: child, ids: fresh });
      }
    }
    frontier = next;
  }
  return [...victims].map(([victim, ids]) => ({ model: victim, ids }));
}
