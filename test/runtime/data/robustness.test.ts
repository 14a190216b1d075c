import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, filterFromObject } from '../../../runtime/data/engine/index.js';
import { databasesUnderTest } from './support/database.js';
import { engineUnderTest, type EngineUnderTest } from './support/engine.js';
import { resolveObjects } from './support/stack.js';
import { CONFORMANCE_OBJECTS } from './support/conformance-stack.js';

const ir = resolveObjects(CONFORMANCE_OBJECTS);
const FIELDS = ['name', 'code', 'employees', 'revenue', 'rating', 'opens_at', 'hq', 'tags', 'tier', 'labels', 'meta', 'founded', 'last_contact', 'active', 'title', 'nope', "x'; drop", 'id'];
const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'like', '$where'];
const nasty = fc.oneof(fc.string(), fc.constantFrom("'; DROP TABLE account; --", '%', '_', '\\', '\u0000', 'a\u0000', '1e309', 'NaN', 'true'), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), nasty, { maxKeys: 2 }));
const condition = fc.record({ field: fc.constantFrom(...FIELDS), op: fc.constantFrom(...OPS), value });
const filter = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, condition, fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }), fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }), fc.anything()),
})).node;

/** Runs an operation that may fail: only a DataError is an acceptable failure (never a database error or a crash). */
async function onlyDataErrors(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
  }
}

for (const database of await databasesUnderTest('robust')) {
  describe(`${database.dialect}: arbitrary input never causes anything but a DataError`, () => {
    let under: EngineUnderTest;
    beforeAll(async () => {
      under = await engineUnderTest(ir, database, 'robust');
      await under.engine.insertMany('account', [{ name: 'keep', code: 'K1', labels: ['vip'] }, { name: 'also', code: 'K2' }]);
    });
    afterAll(() => under?.close());
    const runs = database.dialect === 'sqlite' ? 150 : 60;

    it('filters, sorts, fields and limits', async () => {
      await fc.assert(
        fc.asyncProperty(filter, fc.anything(), fc.anything(), fc.anything(), async (where, sort, fields, limit) => {
          await onlyDataErrors(() => under.engine.find('account', { filter: where as never, sort: sort as never, fields: fields as never, limit: limit as never }));
          await onlyDataErrors(async () => under.engine.find('account', { filter: filterFromObject(where) }));
        }),
        { numRuns: runs },
      );
    });

    it('writes; failed writes change nothing', async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }), async (data) => {
          const before = await under.engine.count('account');
          let inserted = false;
          await onlyDataErrors(async () => {
            const record = await under.engine.insert('account', data);
            inserted = true;
            await under.engine.delete('account', String(record['id']));
          });
          await onlyDataErrors(async () => under.engine.update('account', 'no-such-id', data));
          if (!inserted) expect(await under.engine.count('account')).toBe(before);
        }),
        { numRuns: runs },
      );
      expect((await under.engine.find('account', { sort: [{ field: 'name', direction: 'asc' }] })).records.map((record) => record['name'])).toEqual(['also', 'keep']);
    });
  });
}
