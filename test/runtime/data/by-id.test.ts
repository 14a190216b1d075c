/**
 * The planned read by id (`runtime/data/engine/by-id.ts`) against the generic read, on every database under test:
 * the same records, and the generic path whenever a selection, permission, tenant, hook or listener is involved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEventPayload } from '../../../runtime/kernel/index.js';
import { DataError, type DataRecord, type RequestContext } from '../../../runtime/data/engine/index.js';
import { ObjectAccess } from '../../../runtime/data/engine/access.js';
import { byIdPlans, readsWholeRecord } from '../../../runtime/data/engine/by-id.js';
import { buildObjectModel } from '../../../runtime/data/engine/model.js';
import { QueryCache } from '../../../runtime/data/engine/query-cache.js';
import { rowDecoder } from '../../../runtime/data/engine/row-decoder.js';
import { databasesUnderTest } from './support/database.js';
import { engineUnderTest, type EngineUnderTest } from './support/engine.js';
import { resolveObjects } from './support/stack.js';

const ir = resolveObjects({
  item: {
    fields: {
      name: { type: 'text', required: true },
      note: { type: 'textarea' },
      qty: { type: 'number', scale: 0 },
      price: { type: 'currency', precision: 12, scale: 2 },
      active: { type: 'boolean' },
      status: { type: 'select', options: ['open', 'done'] },
      labels: { type: 'multiselect', options: ['a', 'b', 'c'] },
      due: { type: 'date' },
      seen_at: { type: 'datetime' },
      meta: { type: 'json' },
    },
  },
  ledger: { tenancy: { enabled: true }, fields: { entry: { type: 'text' } } },
  task: { sharingModel: 'private', fields: { title: { type: 'text' } } },
  priced: { fields: { amount: { type: 'number' }, double: { type: 'formula', expression: 'amount * 2', returnType: 'number' } } },
});

const models = new Map(ir.objects.map((object) => [object.name, buildObjectModel(object)]));
const model = (name: string) => models.get(name)!;

function rules(objects: Record<string, Partial<Record<string, boolean>>>, fields: Record<string, { readable: boolean; editable: boolean }> = {}): RequestContext['permissions'] {
  return {
    objects: Object.fromEntries(
      Object.entries(objects).map(([name, access]) => [
        name,
        { allowRead: false, allowCreate: false, allowEdit: false, allowDelete: false, viewAllRecords: false, modifyAllRecords: false, ...access },
      ]),
    ),
    fields,
  };
}

async function notFound(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DataError) return error.code;
    throw error;
  }
  return 'found';
}

const databases = await databasesUnderTest('by-id');

describe('which reads by id are planned', () => {
  it('plans objects whose stored row is the record, not those with formulas', async () => {
    const running = await engineUnderTest(ir, databases[0]!, 'plans');
    try {
      const decoders = new Map([...models.values()].map((m) => [m.name, rowDecoder(m, running.driver.adapter)]));
      const plans = byIdPlans({ driver: running.driver, models, now: () => new Date(), queries: new QueryCache(running.driver), decoders });
      expect([...plans.keys()].sort()).toEqual(['item', 'ledger', 'task']);
    } finally {
      await running.close();
    }
  });

  it('takes the plan only for whole-record reads without row scope', () => {
    const item = model('item');
    const whole = (ctx: RequestContext, options = {}) => readsWholeRecord(item, new ObjectAccess(item, ctx), options, ctx);
    expect(whole({})).toBe(true);
    expect(whole({ permissions: rules({ item: { allowRead: true } }) })).toBe(true);
    expect(whole({}, { fields: ['name'] })).toBe(false);
    expect(whole({}, { expand: [] })).toBe(false);
    expect(whole({ permissions: rules({ item: { allowRead: true } }, { 'item.qty': { readable: false, editable: false } }) })).toBe(false);
    const ledger = model('ledger');
    expect(readsWholeRecord(ledger, new ObjectAccess(ledger, { tenantId: 't1' }), {}, { tenantId: 't1' })).toBe(false);
    expect(readsWholeRecord(ledger, new ObjectAccess(ledger, {}), {}, {})).toBe(true);
    const task = model('task');
    const owner: RequestContext = { userId: 'u', permissions: rules({ task: { allowRead: true } }) };
    expect(readsWholeRecord(task, new ObjectAccess(task, owner), {}, owner)).toBe(false);
  });
});

for (const database of databases) {
  describe(`${database.dialect}: read by id`, () => {
    let under: EngineUnderTest | undefined;
    const get = () => under!;
    beforeAll(async () => {
      under = await engineUnderTest(ir, database, 'by_id');
    });
    afterAll(() => under?.close());

    /** The generic read of the same record: a list filtered by id. */
    const generic = async (object: string, id: string, ctx: RequestContext = {}): Promise<DataRecord | undefined> =>
      (await get().engine.find(object, { filter: { field: 'id', op: 'eq', value: id } }, ctx)).records[0];

    it('returns the generic path’s record: nulls, booleans, numbers, selects, dates, json', async () => {
      const { engine } = get();
      const full = await engine.insert('item', {
        name: 'full',
        note: 'line\nbreak',
        qty: 3,
        price: 12.5,
        active: false,
        status: 'done',
        labels: ['a', 'c'],
        due: '2026-01-31',
        seen_at: '2026-01-31T10:11:12.000Z',
        meta: { nested: [1, null, true] },
      });
      const empty = await engine.insert('item', { name: 'empty' });
      for (const stored of [full, empty]) {
        const id = String(stored['id']);
        const planned = await engine.findOne('item', id);
        expect(planned).toStrictEqual(await generic('item', id));
        expect(Object.keys(planned)).toEqual(Object.keys(stored));
        expect(planned).toStrictEqual(stored);
        const allFields = Object.keys(stored).filter((name) => name !== 'id');
        expect(await engine.findOne('item', id, { fields: allFields })).toStrictEqual(planned);
      }
      expect((await engine.findOne('item', String(full['id'])))['active']).toBe(false);
      expect((await engine.findOne('item', String(empty['id'])))['active']).toBeNull();
      expect(await notFound(engine.findOne('item', 'no-such-id'))).toBe('not_found');
      expect(await notFound(engine.findOne('item', 'nul\u0000id'))).toBe('not_found');
    });

    it('leaves out fields the permissions hide, and 403s without allowRead', async () => {
      const { engine } = get();
      const stored = await engine.insert('item', { name: 'hidden qty', qty: 7 });
      const ctx: RequestContext = { permissions: rules({ item: { allowRead: true } }, { 'item.qty': { readable: false, editable: false } }) };
      const seen = await engine.findOne('item', String(stored['id']), {}, ctx);
      expect('qty' in seen).toBe(false);
      expect(seen).toStrictEqual(await generic('item', String(stored['id']), ctx));
      expect(await notFound(engine.findOne('item', String(stored['id']), {}, { permissions: rules({}) }))).toBe('forbidden');
    });

    it('scopes by tenant and by owner', async () => {
      const { engine } = get();
      const mine = await engine.insert('ledger', { entry: 'one' }, { tenantId: 't1' });
      expect((await engine.findOne('ledger', String(mine['id']), {}, { tenantId: 't1' }))['entry']).toBe('one');
      expect(await notFound(engine.findOne('ledger', String(mine['id']), {}, { tenantId: 't2' }))).toBe('not_found');
      const task = await engine.insert('task', { title: 'alice’s' }, { userId: 'alice' });
      const bob: RequestContext = { userId: 'bob', permissions: rules({ task: { allowRead: true } }) };
      expect(await notFound(engine.findOne('task', String(task['id']), {}, bob))).toBe('not_found');
    });

    it('runs beforeFind hooks and afterFind listeners', async () => {
      const { engine, kernel } = get();
      const stored = await engine.insert('item', { name: 'done one', status: 'done' });
      const id = String(stored['id']);
      const offBefore = kernel.events.before<DataEventPayload>('data.beforeFind', (payload) =>
        payload.object === 'item' ? { ...payload, query: { ...payload.query, filter: { field: 'status', op: 'eq', value: 'open' } } } : undefined,
      );
      const narrowed = await notFound(engine.findOne('item', id));
      offBefore();
      expect(narrowed).toBe('not_found');
      const seen: unknown[] = [];
      const offAfter = kernel.events.on<DataEventPayload>('data.afterFind', (payload) => {
        seen.push(payload.id);
      });
      await engine.findOne('item', id);
      await new Promise((resolve) => setImmediate(resolve));
      offAfter();
      expect(seen).toEqual([id]);
      expect((await engine.findOne('item', id))['name']).toBe('done one');
    });
  });
}
