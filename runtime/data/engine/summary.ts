import { sql } from 'kysely';
import type { QueryDb } from '../drivers/query-adapter.js';
import { compileFormula } from './formula/compile.js';
import { columnOf, type ObjectModel, type PropertyModel } from './model.js';
import type { MaybePromise } from '../../kernel/types.js';
import type { EngineState } from './state.js';
import type { DataRecord, DataValue } from './types.js';
import type { Row } from './reader.js';

type Aggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';

interface SummaryPlan {
  readonly property: PropertyModel;
  readonly child: ObjectModel;
  /** The child's lookup to this object. */
  readonly link: PropertyModel;
  readonly aggregate: Aggregate;
  /** The aggregated child field (absent for count). */
  readonly value: PropertyModel | undefined;
  readonly filter: string | undefined;
}

/**
 * Roll-ups over child records (`summary` fields): one grouped query per summary field per page. A summary with a
 * `filter` expression reads the page's child records and aggregates the matching ones (the filter is a formula).
 * Count and sum of no children are 0; min, max and avg of none are null.
 */
export async function computeSummaries(
  state: EngineState,
  db: QueryDb,
  model: ObjectModel,
  records: DataRecord[],
  wanted: ReadonlySet<string>,
  readChildren: (child: ObjectModel, rows: readonly Row[]) => MaybePromise<DataRecord[]>,
): Promise<void> {
  const ids = records.map((record) => String(record['id']));
  for (const property of model.properties) {
    if (property.field?.type !== 'summary' || !wanted.has(property.name)) continue;
    const plan = planOf(state, model, property);
    const totals = plan && ids.length > 0 ? await (plan.filter ? filtered(db, plan, ids, readChildren, state) : grouped(db, plan, ids)) : new Map<string, number>();
    const empty = plan?.aggregate === 'count' || plan?.aggregate === 'sum' ? 0 : null;
    for (const record of records) record[property.name] = plan ? (totals.get(String(record['id'])) ?? empty) : null;
  }
}

function planOf(state: EngineState, model: ObjectModel, property: PropertyModel): SummaryPlan | undefined {
  const def = property.field?.def;
  if (def?.type !== 'summary') return undefined;
  const child = state.models.get(def.summaryOperations.object);
  const link = child?.properties.find((candidate) => candidate.reference === model.name && candidate.kind === 'id');
  if (!child || !link) return undefined;
  const aggregate = def.summaryOperations.function;
  const value = aggregate === 'count' ? undefined : child.byName.get(def.summaryOperations.field);
  if (aggregate !== 'count' && (!value || (value.kind !== 'integer' && value.kind !== 'number'))) return undefined;
  return { property, child, link, aggregate, value, filter: def.summaryOperations.filter };
}

async function grouped(db: QueryDb, plan: SummaryPlan, ids: readonly string[]): Promise<Map<string, number>> {
  const link = sql.ref(columnOf(plan.link));
  const measure = plan.value ? sql.ref(columnOf(plan.value)) : undefined;
  const aggregate = measure ? sql.raw(plan.aggregate) : undefined;
  const expression = aggregate && measure ? sql`${aggregate}(${measure})` : sql`count(*)`;
  const rows = (await db
    .selectFrom(plan.child.table)
    .select([sql`${link}`.as('parent'), expression.as('total')])
    .where(link, 'in', [...ids])
    .groupBy(link)
    .execute()) as Row[];
  return new Map(rows.filter((row) => row['total'] !== null).map((row) => [String(row['parent']), Number(row['total'])]));
}

async function filtered(
  db: QueryDb,
  plan: SummaryPlan,
  ids: readonly string[],
  readChildren: (child: ObjectModel, rows: readonly Row[]) => MaybePromise<DataRecord[]>,
  state: EngineState,
): Promise<Map<string, number>> {
  const rows = (await db.selectFrom(plan.child.table).selectAll().where(sql.ref(columnOf(plan.link)), 'in', [...ids]).execute()) as Row[];
  const children = await readChildren(plan.child, rows);
  const condition = compileFormula(plan.filter ?? 'true');
  const now = state.now();
  const byParent = new Map<string, number[]>();
  for (const child of children) {
    const verdict = condition.evaluate((name) => child[name], now);
    if (verdict === null || verdict === false || verdict === 0 || verdict === '') continue;
    const parent = String(child[plan.link.name]);
    const value: DataValue | undefined = plan.value ? child[plan.value.name] : 1;
    if (typeof value !== 'number') continue;
    byParent.set(parent, [...(byParent.get(parent) ?? []), value]);
  }
  return new Map([...byParent].map(([parent, values]) => [parent, combine(plan.aggregate, values)]));
}

function combine(aggregate: Aggregate, values: readonly number[]): number {
  switch (aggregate) {
    case 'count':
      return values.length;
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'avg':
      return values.reduce((total, value) => total + value, 0) / values.length;
  }
}
