/**
 * The data engine conformance suite: the same scenarios against every database under test, so both drivers
 * return identical records and errors. Run by conformance.test.ts (SQLite always, PostgreSQL when reachable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reject } from '../../../runtime/kernel/index.js';
import type { DataEventPayload } from '../../../runtime/kernel/index.js';
import { DataError, filterFromObject, RECORD_ID_PATTERN, sortFromString, type DataRecord, type Filter, type RequestContext } from '../../../runtime/data/engine/index.js';
import type { DatabaseUnderTest } from './support/database.js';
import { engineUnderTest, type EngineUnderTest } from './support/engine.js';
import { resolveObjects } from './support/stack.js';
import { CONFORMANCE_OBJECTS } from './support/conformance-stack.js';

const ir = resolveObjects(CONFORMANCE_OBJECTS);

/** The DataError a promise rejects with (fails the test when it resolves or throws something else). */
async function dataError(work: Promise<unknown>): Promise<DataError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError, but the operation succeeded');
}

function ids(records: readonly DataRecord[]): string[] {
  return records.map((record) => String(record['name']));
}

export function conformanceSuite(database: DatabaseUnderTest): void {
  const scenario = (name: string, body: (get: () => EngineUnderTest) => void) =>
    describe(`${database.dialect}: ${name}`, () => {
      let under: EngineUnderTest | undefined;
      beforeAll(async () => {
        under = await engineUnderTest(ir, database, name.replace(/\W+/g, '_').toLowerCase(), { maxPageSize: 3, defaultPageSize: 2 });
      });
      afterAll(() => under?.close());
      body(() => {
        if (!under) throw new Error('engine not open');
        return under;
      });
    });

  scenario('crud', (get) => {
    it('insert stores the record with id, system fields, defaults and autonumber, and returns it', async () => {
      const { engine } = get();
      const record = await engine.insert('account', { name: 'Acme', code: 'AC' }, { userId: 'u1' });
      expect(record['id']).toMatch(RECORD_ID_PATTERN);
      expect(record).toMatchObject({ name: 'Acme', code: 'AC', active: true, number: 'ACC-0001', created_by: 'u1', updated_by: 'u1', owner_id: 'u1', tags: null });
      expect(record['created_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(record['updated_at']).toBe(record['created_at']);
      expect(await engine.findOne('account', String(record['id']))).toEqual(record);
    });

    it('update changes the given fields only and stamps updated_at/updated_by', async () => {
      const { engine } = get();
      const created = await engine.insert('account', { name: 'Beta', code: 'BE', employees: 5 }, { userId: 'u1' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = await engine.update('account', String(created['id']), { employees: 6, tier: 'gold' }, { userId: 'u2' });
      expect(updated).toMatchObject({ name: 'Beta', employees: 6, tier: 'gold', created_by: 'u1', updated_by: 'u2', number: created['number'] });
      expect(String(updated['updated_at']) > String(created['updated_at'])).toBe(true);
      expect(updated['created_at']).toBe(created['created_at']);
    });

    it('delete returns the deleted record; it is gone afterwards (404 on read, update and delete)', async () => {
      const { engine } = get();
      const created = await engine.insert('account', { name: 'Gone' });
      const id = String(created['id']);
      expect(await engine.delete('account', id)).toEqual(created);
      for (const attempt of [() => engine.findOne('account', id), () => engine.update('account', id, { name: 'x' }), () => engine.delete('account', id)]) {
        const error = await dataError(attempt());
        expect([error.code, error.status]).toEqual(['not_found', 404]);
      }
    });

    it('insertMany is all or nothing, and names the failing record', async () => {
      const { engine } = get();
      const before = await engine.count('account');
      const error = await dataError(engine.insertMany('account', [{ name: 'One' }, { name: 'Two', employees: -1 }]));
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([{ field: 'employees', problem: 'must be at least 0', index: 1 }]);
      expect(await engine.count('account')).toBe(before);
      const stored = await engine.insertMany('account', [{ name: 'Three' }, { name: 'Four' }]);
      expect(stored.map((record) => record['name'])).toEqual(['Three', 'Four']);
      expect(await engine.count('account')).toBe(before + 2);
    });

    it('a read never sees the uncommitted writes of a transaction open on the database, and a write never joins it', async () => {
      const { engine, driver } = get();
      const id = String((await engine.insert('account', { name: 'Steady' }))['id']);
      let read: Promise<DataRecord> | undefined;
      let written: Promise<DataRecord> | undefined;
      const rolledBack = driver.db.transaction().execute(async (trx) => {
        await trx.updateTable('account').set({ name: 'Uncommitted' }).where('id', '=', id).execute();
        // Started while the transaction is open (SQLite runs statements on the same connection it holds).
        read = engine.findOne('account', id);
        written = engine.insert('account', { name: 'Outside' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      expect((await read!)['name']).toBe('Steady');
      // Rolled back with the transaction had it slipped into it.
      const outside = String((await written!)['id']);
      expect((await engine.findOne('account', outside))['name']).toBe('Outside');
    });

    it('an unknown object is a 404 with a suggestion', async () => {
      const error = await dataError(get().engine.find('acount'));
      expect(error.code).toBe('not_found');
      expect(error.message).toContain('did you mean "account"?');
    });
  });

  scenario('values', (get) => {
    it('round-trips every value kind identically: JSON-ish values, booleans, numbers, dates, times', async () => {
      const { engine } = get();
      const input = {
        name: 'Values',
        email: 'ops@example.com',
        website: 'https://example.com/a?b=c',
        employees: 1200,
        revenue: 12345.67,
        rating: 4,
        active: false,
        tier: 'gold',
        labels: ['vip', 'partner'],
        tags: ['a', "b'c", 'ü'],
        meta: { nested: { list: [1, 'two', null, true] }, empty: {} },
        hq: { latitude: 52.52, longitude: 13.405 },
        founded: '1999-12-31',
        last_contact: '2026-01-02T03:04:05+01:00',
        opens_at: '09:30',
      };
      const record = await engine.insert('account', input);
      const expected = { ...input, last_contact: '2026-01-02T02:04:05.000Z', opens_at: '09:30:00', title: 'Values (gold)', revenue_k: 12.3, big: true };
      expect(record).toMatchObject(expected);
      expect(await engine.findOne('account', String(record['id']))).toMatchObject(expected);
    });

    it('computes formulas on read, with nulls propagating', async () => {
      const { engine } = get();
      const record = await engine.insert('account', { name: 'Formula' });
      expect(record).toMatchObject({ title: 'Formula (none)', revenue_k: null, big: null });
      const updated = await engine.update('account', String(record['id']), { revenue: 2500, employees: 10, tier: 'silver' });
      expect(updated).toMatchObject({ title: 'Formula (silver)', revenue_k: 2.5, big: false });
    });

    it('never returns a password, and stores it hashed', async () => {
      const { engine, driver } = get();
      const record = await engine.insert('account', { name: 'Pin', secret_pin: 'hunter2' });
      expect(record).not.toHaveProperty('secret_pin');
      const row = await driver.db.selectFrom('account').select('secret_pin').where('id', '=', String(record['id'])).executeTakeFirst();
      expect(String(row?.['secret_pin'])).toMatch(/^scrypt\$/);
      expect(String(row?.['secret_pin'])).not.toContain('hunter2');
    });

    it('assigns distinct consecutive autonumbers under concurrent inserts', async () => {
      const { engine } = get();
      const records = await Promise.all(Array.from({ length: 12 }, (_, i) => engine.insert('account', { name: `Auto ${i}` })));
      const numbers = records.map((record) => Number(String(record['number']).slice(4))).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(12);
      expect(numbers[11]! - numbers[0]!).toBe(11);
    });

    it('stores injection strings verbatim and leaves the schema alone', async () => {
      const { engine } = get();
      const evil = `Robert'); DROP TABLE account;-- "x" \\ %_`;
      const record = await engine.insert('account', { name: evil, tags: [evil], meta: { [evil]: evil } });
      expect(record).toMatchObject({ name: evil, tags: [evil], meta: { [evil]: evil } });
      const found = await engine.find('account', { filter: { field: 'name', op: 'eq', value: evil } });
      expect(found.records.map((r) => r['id'])).toEqual([record['id']]);
      const like = await engine.find('account', { filter: { field: 'name', op: 'contains', value: "'); DROP" } });
      expect(like.records.map((r) => r['id'])).toEqual([record['id']]);
      expect((await engine.find('account', { filter: { field: 'name', op: 'startsWith', value: '%' } })).records).toEqual([]);
      const error = await dataError(engine.find('account', { filter: { field: 'name; DROP TABLE account', op: 'eq', value: 1 } }));
      expect(error.code).toBe('bad_request');
      const sortError = await dataError(engine.find('account', { sort: [{ field: 'id desc; --', direction: 'asc' }] }));
      expect(sortError.code).toBe('bad_request');
      expect(await engine.count('account')).toBeGreaterThan(0);
    });

    it('refuses the NUL character (PostgreSQL cannot store it) the same way on both', async () => {
      const { engine } = get();
      const write = await dataError(engine.insert('account', { name: 'a\u0000b', meta: { ['k\u0000']: 1 } }));
      expect(write.details).toEqual([
        { field: 'name', problem: 'must not contain the NUL character (\\u0000)' },
        { field: 'meta', problem: 'must not contain the NUL character (\\u0000)' },
      ]);
      const nul: [string, Filter][] = [
        ['account', { field: 'name', op: 'eq', value: '\u0000' }],
        ['account', { field: 'name', op: 'contains', value: '\u0000' }],
        ['contact', { field: 'partners', op: 'contains', value: '\u0000' }],
      ];
      for (const [object, filter] of nul) expect((await dataError(engine.find(object, { filter }))).code).toBe('bad_request');
      expect((await dataError(engine.findOne('account', '\u0000'))).code).toBe('not_found');
    });
  });

  scenario('validation', (get) => {
    it('rejects values that break the field definitions, every problem with its field (422)', async () => {
      const { engine } = get();
      const error = await dataError(
        engine.insert('account', {
          code: 'X',
          email: 'not-an-email',
          website: 'example.com',
          employees: 1.5,
          revenue: 'lots',
          rating: 9,
          tier: 'platinum',
          labels: ['vip', 'nope'],
          founded: '2026-02-30',
          hq: { latitude: 1 },
          active: 'yes',
        }),
      );
      expect([error.code, error.status]).toEqual(['validation_failed', 422]);
      const byField = Object.fromEntries(error.details.map((detail) => [detail.field, detail.problem]));
      expect(byField).toEqual({
        code: 'is 1 characters long; the minimum is 2',
        email: 'must be an e-mail address like name@example.com',
        website: 'must be a web address like https://example.com',
        employees: 'must be a whole number',
        revenue: 'must be a number',
        rating: 'must be between 0 and 5 stars',
        tier: 'must be one of "gold", "silver", "bronze"',
        labels: 'item 2 must be one of "partner", "reseller", "vip"',
        founded: 'must be a date like 2026-01-31',
        hq: 'needs "longitude"',
        active: 'must be true or false',
        name: 'is required: give name a value',
      });
    });

    it('refuses numbers and dates the columns cannot hold, and rounds decimals to their scale, on both dialects', async () => {
      const { engine } = get();
      const error = await dataError(engine.insert('account', { name: 'Big', employees: 2 ** 60, revenue: 1e10, founded: '0000-01-01', last_contact: '0000-06-01T00:00:00Z' }));
      expect(error.details).toEqual([
        { field: 'employees', problem: 'must be at most 100000' },
        { field: 'revenue', problem: 'must be less than 10000000000 in absolute value (10 digits before the decimal point)' },
        { field: 'founded', problem: 'must be a date like 2026-01-31' },
        { field: 'last_contact', problem: 'must be a date and time like 2026-01-31T09:30:00Z' },
      ]);
      expect((await engine.insert('account', { name: 'Cents', revenue: 1.005 + 2 }))['revenue']).toBe(3.01);
      expect((await dataError(engine.find('account', { filter: { field: 'employees', op: 'gt', value: 2 ** 60 } }))).message).toContain('must be a whole number between');
    });

    it('checks a json field against its JSON schema', async () => {
      const { engine } = get();
      const error = await dataError(engine.insert('account', { name: 'Schema', settings: { level: 'high' } }));
      expect(error.details).toEqual([{ field: 'settings', problem: 'does not match its JSON schema: /level must be integer' }]);
      expect((await engine.insert('account', { name: 'Schema', settings: { level: 3 } }))['settings']).toEqual({ level: 3 });
    });

    it('checks maxLength and required on update too', async () => {
      const { engine } = get();
      const record = await engine.insert('account', { name: 'Valid' });
      const error = await dataError(engine.update('account', String(record['id']), { name: 'x'.repeat(41) }));
      expect(error.details).toEqual([{ field: 'name', problem: 'is 41 characters long; the maximum is 40' }]);
      const cleared = await dataError(engine.update('account', String(record['id']), { name: null }));
      expect(cleared.details).toEqual([{ field: 'name', problem: 'is required: give name a value' }]);
    });

    it('rejects readonly, computed, autonumber and system fields by name (422)', async () => {
      const error = await dataError(get().engine.insert('account', { name: 'R', legacy_id: 'L1', title: 't', number: 'ACC-9', id: 'mine', created_at: '2020-01-01T00:00:00Z' }));
      expect([error.code, error.status]).toEqual(['readonly_field', 422]);
      expect(error.details.map((detail) => detail.field).sort()).toEqual(['created_at', 'id', 'legacy_id', 'number', 'title']);
      expect(error.details.find((detail) => detail.field === 'title')?.problem).toBe('is computed on read; remove it from the request');
    });

    it('rejects unknown fields with a suggestion (400), in writes, filters, sorts, fields and expand', async () => {
      const { engine } = get();
      const write = await dataError(engine.insert('account', { nmae: 'x' }));
      expect([write.code, write.status]).toEqual(['bad_request', 400]);
      expect(write.details).toEqual([{ field: 'nmae', problem: 'Field "nmae" is not a field of account; did you mean "name"?' }]);
      const filter = await dataError(engine.find('account', { filter: { field: 'emial', op: 'eq', value: 'a' } }));
      expect(filter.details[0]?.problem).toContain('did you mean "email"?');
      const sort = await dataError(engine.find('account', { sort: [{ field: 'revenu', direction: 'asc' }] }));
      expect(sort.details[0]?.problem).toContain('did you mean "revenue"?');
      const fields = await dataError(engine.find('account', { fields: ['name', 'teir'] }));
      expect(fields.details[0]?.problem).toContain('did you mean "tier"?');
      const expand = await dataError(engine.find('contact', { expand: ['name'] }));
      expect(expand.details).toEqual([{ field: 'name', problem: 'is not a lookup field' }]);
    });

    it('rejects a duplicate unique value with 409 naming the field', async () => {
      const { engine } = get();
      await engine.insert('account', { name: 'First', code: 'DUP' });
      const error = await dataError(engine.insert('account', { name: 'Second', code: 'DUP' }));
      expect([error.code, error.status]).toEqual(['conflict', 409]);
      expect(error.details).toEqual([{ field: 'code', problem: 'must be unique: the value is already used' }]);
    });

    it('rejects malformed queries with 400 (operators, values, limits)', async () => {
      const { engine } = get();
      const cases: [Filter, string][] = [
        [{ field: 'employees', op: 'like' as never, value: 1 }, 'unknown operator "like"'],
        [{ field: 'employees', op: 'gt', value: 'many' }, 'must be a number'],
        [{ field: 'labels', op: 'eq', value: 'vip' }, 'use contains or isNull'],
        [{ field: 'title', op: 'eq', value: 'x' }, 'cannot be filtered'],
        [{ field: 'tier', op: 'in', value: 'gold' as never }, 'in takes a list'],
        [{ field: 'employees', op: 'contains', value: '1' }, 'applies to text fields'],
      ];
      for (const [filter, problem] of cases) {
        const error = await dataError(engine.find('account', { filter }));
        expect(error.code).toBe('bad_request');
        expect(error.message).toContain(problem);
      }
      for (const query of [{ sort: 'name' }, { fields: 'name' }, { expand: [1] }, { limit: 'all' }, { offset: -1 }]) {
        expect((await dataError(engine.find('account', query as never))).code).toBe('bad_request');
      }
      const tooLarge = await dataError(engine.find('account', { limit: 4 }));
      expect([tooLarge.code, tooLarge.status]).toEqual(['page_too_large', 400]);
    });
  });

  scenario('queries', (get) => {
    const seed = [
      { name: 'a1', code: 'A1', employees: 10, tier: 'gold', labels: ['vip'], active: true, founded: '2001-01-01', email: 'x@a.com' },
      { name: 'a2', code: 'A2', employees: 20, tier: 'silver', labels: ['partner', 'vip'], active: false, founded: '2002-02-02' },
      { name: 'b3', code: 'B3', employees: 30, tier: 'gold', labels: [], active: true, founded: '2003-03-03', email: 'y@b.com' },
      { name: 'b4', code: 'B4', tier: null, active: true },
    ];
    beforeAll(async () => {
      await get().engine.insertMany('account', seed);
    });
    const names = async (filter: Filter) => ids((await get().engine.find('account', { filter, sort: [{ field: 'name', direction: 'asc' }], limit: 3 })).records);
    const all = async (filter: Filter) => {
      const { engine } = get();
      const result = await engine.find('account', { filter, sort: [{ field: 'name', direction: 'asc' }], limit: 3, count: true });
      const rest = await engine.find('account', { filter, sort: [{ field: 'name', direction: 'asc' }], limit: 3, offset: 3 });
      return [...ids(result.records), ...ids(rest.records)];
    };

    it.each([
      ['eq', { field: 'tier', op: 'eq', value: 'gold' }, ['a1', 'b3']],
      ['eq null', { field: 'tier', op: 'eq', value: null }, ['b4']],
      ['ne (keeps empty values)', { field: 'tier', op: 'ne', value: 'gold' }, ['a2', 'b4']],
      ['gt', { field: 'employees', op: 'gt', value: 10 }, ['a2', 'b3']],
      ['gte (number given as text)', { field: 'employees', op: 'gte', value: '20' }, ['a2', 'b3']],
      ['lt', { field: 'employees', op: 'lt', value: 20 }, ['a1']],
      ['lte on dates', { field: 'founded', op: 'lte', value: '2002-02-02' }, ['a1', 'a2']],
      ['in', { field: 'code', op: 'in', value: ['A1', 'B4', 'ZZ'] }, ['a1', 'b4']],
      ['in empty', { field: 'code', op: 'in', value: [] }, []],
      ['nin', { field: 'tier', op: 'nin', value: ['gold'] }, ['a2', 'b4']],
      ['contains text', { field: 'email', op: 'contains', value: '@b.' }, ['b3']],
      ['contains in a list', { field: 'labels', op: 'contains', value: 'vip' }, ['a1', 'a2']],
      ['startsWith', { field: 'name', op: 'startsWith', value: 'b' }, ['b3', 'b4']],
      ['isNull true', { field: 'employees', op: 'isNull', value: true }, ['b4']],
      ['isNull false', { field: 'email', op: 'isNull', value: false }, ['a1', 'b3']],
      ['boolean', { field: 'active', op: 'eq', value: false }, ['a2']],
      ['boolean given as text', { field: 'active', op: 'eq', value: 'true' }, ['a1', 'b3', 'b4']],
      ['and', { and: [{ field: 'tier', op: 'eq', value: 'gold' }, { field: 'employees', op: 'gt', value: 10 }] }, ['b3']],
      ['or', { or: [{ field: 'code', op: 'eq', value: 'A1' }, { field: 'employees', op: 'isNull', value: true }] }, ['a1', 'b4']],
      ['nested', { or: [{ and: [{ field: 'active', op: 'eq', value: true }, { field: 'tier', op: 'eq', value: 'gold' }] }, { field: 'name', op: 'eq', value: 'a2' }] }, ['a1', 'a2', 'b3']],
      ['empty and', { and: [] }, ['a1', 'a2', 'b3', 'b4']],
      ['empty or', { or: [] }, []],
    ] as [string, Filter, string[]][])('filter %s', async (_name, filter, expected) => {
      expect(await all(filter)).toEqual(expected);
    });

    it('sorts by several keys, ascending and descending, empty values first when ascending', async () => {
      const { engine } = get();
      const sorted = await engine.find('account', { sort: [{ field: 'tier', direction: 'desc' }, { field: 'name', direction: 'desc' }], limit: 3 });
      expect(ids(sorted.records)).toEqual(['a2', 'b3', 'a1']);
      const ascending = await engine.find('account', { sort: [{ field: 'employees', direction: 'asc' }], limit: 3 });
      expect(ids(ascending.records)).toEqual(['b4', 'a1', 'a2']);
      const descending = await engine.find('account', { sort: [{ field: 'employees', direction: 'desc' }], offset: 2, limit: 3 });
      expect(ids(descending.records)).toEqual(['a1', 'b4']);
    });

    it('sorts text by code point in both dialects (no locale collation)', async () => {
      const { engine } = get();
      await engine.insertMany('task', [{ title: 'b' }, { title: 'B' }, { title: 'a' }]);
      const sorted = await engine.find('task', { sort: [{ field: 'title', direction: 'asc' }], limit: 3 });
      expect(sorted.records.map((record) => record['title'])).toEqual(['B', 'a', 'b']);
    });

    it('pages with limit and offset, a default page size and a total count', async () => {
      const { engine } = get();
      const first = await engine.find('account', { sort: [{ field: 'name', direction: 'asc' }], count: true });
      expect({ names: ids(first.records), total: first.total, limit: first.limit, offset: first.offset }).toEqual({ names: ['a1', 'a2'], total: 4, limit: 2, offset: 0 });
      const second = await engine.find('account', { sort: [{ field: 'name', direction: 'asc' }], limit: 2, offset: 2 });
      expect(ids(second.records)).toEqual(['b3', 'b4']);
      expect(second.total).toBeUndefined();
      expect(await names({ field: 'code', op: 'startsWith', value: 'A' })).toEqual(['a1', 'a2']);
      expect(await engine.count('account', { field: 'tier', op: 'eq', value: 'gold' })).toBe(2);
    });

    it('runs filters and sorts written the way HTTP clients write them', async () => {
      const { engine } = get();
      const result = await engine.find('account', { filter: filterFromObject({ tier: 'gold', or: [{ employees: { gt: '10' } }, { labels: { contains: 'vip' } }] }), sort: sortFromString('-name') });
      expect(ids(result.records)).toEqual(['b3', 'a1']);
    });

    it('returns only the selected fields (id always)', async () => {
      const { engine } = get();
      const result = await engine.find('account', { fields: ['name', 'title'], filter: { field: 'code', op: 'eq', value: 'A1' } });
      expect(result.records).toEqual([{ id: expect.any(String), name: 'a1', title: 'a1 (gold)' }]);
    });
  });

  scenario('relations', (get) => {
    it('expands lookups and multiple lookups with one query per field per page', async () => {
      const { engine, queries } = get();
      const accounts = await engine.insertMany('account', [{ name: 'North' }, { name: 'South' }, { name: 'East' }]);
      const [north, south, east] = accounts.map((record) => String(record['id']));
      await engine.insertMany('contact', [
        { name: 'c1', account: north, partners: [south, east] },
        { name: 'c2', account: south, partners: [] },
        { name: 'c3', account: north },
      ]);
      queries.count = 0;
      const result = await engine.find('contact', { expand: ['account', 'partners'], fields: ['name', 'account', 'partners'], sort: [{ field: 'name', direction: 'asc' }], limit: 3 });
      // contacts, join table, accounts for `account` and for `partners`, each followed by its 3 roll-up queries:
      // a fixed number per page, whatever the number of contacts
      expect(queries.count).toBe(10);
      const summary = result.records.map((record) => ({
        name: record['name'],
        account: (record['account'] as DataRecord | null)?.['name'],
        partners: (record['partners'] as DataRecord[]).map((partner) => partner['name']).sort(),
      }));
      expect(summary).toEqual([
        { name: 'c1', account: 'North', partners: ['East', 'South'] },
        { name: 'c2', account: 'South', partners: [] },
        { name: 'c3', account: 'North', partners: [] },
      ]);
      const plain = await engine.find('contact', { filter: { field: 'partners', op: 'contains', value: east! } });
      expect(plain.records.map((record) => record['name'])).toEqual(['c1']);
      expect((plain.records[0]?.['partners'] as string[]).sort()).toEqual([south, east].sort());
    });

    it('computes roll-up summaries with one query per summary field per page', async () => {
      const { engine, queries } = get();
      const [rich, poor] = (await engine.insertMany('account', [{ name: 'Rich' }, { name: 'Poor' }])).map((record) => String(record['id']));
      await engine.insertMany('invoice', [
        { label: 'i1', amount: 10, paid: true, account: rich },
        { label: 'i2', amount: 20, paid: false, account: rich },
        { label: 'i3', amount: 30, paid: true, account: rich },
      ]);
      queries.count = 0;
      const result = await engine.find('account', { filter: { field: 'id', op: 'in', value: [rich!, poor!] }, fields: ['name', 'invoice_total', 'invoice_count', 'largest_paid'], sort: [{ field: 'name', direction: 'desc' }] });
      expect(queries.count).toBe(4);
      expect(result.records.map(({ id: _id, ...rest }) => rest)).toEqual([
        { name: 'Rich', invoice_total: 60, invoice_count: 3, largest_paid: 30 },
        { name: 'Poor', invoice_total: 0, invoice_count: 0, largest_paid: null },
      ]);
      for (const invoice of (await engine.find('invoice', { filter: { field: 'account', op: 'eq', value: rich! } })).records) {
        await engine.delete('invoice', String(invoice['id']));
      }
    });

    it('replaces a multiple lookup list on update', async () => {
      const { engine } = get();
      const [a, b] = (await engine.insertMany('account', [{ name: 'A' }, { name: 'B' }])).map((record) => String(record['id']));
      const contact = await engine.insert('contact', { name: 'multi', partners: [a, b] });
      const updated = await engine.update('contact', String(contact['id']), { partners: [b] });
      expect(updated['partners']).toEqual([b]);
    });

    it('rejects a reference to a record that does not exist (422)', async () => {
      const error = await dataError(get().engine.insert('contact', { name: 'dangling', account: 'no-such-id' }));
      expect([error.code, error.status]).toEqual(['validation_failed', 422]);
    });

    it('honours deleteBehavior: set_null clears, cascade deletes, restrict blocks with 409', async () => {
      const { engine, kernel } = get();
      const deleted: DataEventPayload[] = [];
      const off = kernel.events.on<DataEventPayload>('data.afterDelete', (payload) => {
        deleted.push(payload);
      });
      const account = String((await engine.insert('account', { name: 'Parent' }))['id']);
      const contact = String((await engine.insert('contact', { name: 'child', account }))['id']);
      const note = String((await engine.insert('note', { body: 'detail', account }))['id']);
      const invoice = String((await engine.insert('invoice', { label: 'INV', account }))['id']);
      const blocked = await dataError(engine.delete('account', account));
      expect([blocked.code, blocked.status]).toEqual(['conflict', 409]);
      expect(blocked.message).toContain('1 invoice record(s) refer to it through account (deleteBehavior: restrict)');
      expect(blocked.details).toEqual([{ field: 'account', problem: '1 invoice record(s) still refer to this record' }]);
      await engine.delete('invoice', invoice);
      await engine.delete('account', account);
      off();
      expect((await engine.findOne('contact', contact))['account']).toBeNull();
      expect((await dataError(engine.findOne('note', note))).code).toBe('not_found');
      // the cascaded note is announced too, with its last state
      expect(deleted.map((payload) => [payload.object, payload.id])).toEqual([['invoice', invoice], ['account', account], ['note', note]]);
      expect(deleted[2]?.previous).toMatchObject({ body: 'detail', account });
    });
  });

  scenario('hooks', (get) => {
    it('a before-hook can change the data; after-events carry the result and previous state', async () => {
      const { engine, kernel } = get();
      const off = kernel.events.before<DataEventPayload>('data.beforeInsert', (payload) =>
        payload.object === 'task' ? { ...payload, data: { ...payload.data, title: String(payload.data?.['title']).toUpperCase() } } : undefined,
      );
      const seen: DataEventPayload[] = [];
      const offAfter = kernel.events.on<DataEventPayload>('data.after*', (payload) => {
        if (payload.object === 'task') seen.push(payload);
      });
      const task = await engine.insert('task', { title: 'shout' }, { userId: 'u9' });
      expect(task['title']).toBe('SHOUT');
      await engine.update('task', String(task['id']), { budget: 5 });
      await engine.delete('task', String(task['id']));
      off();
      offAfter();
      const after = seen.filter((payload) => payload.operation !== 'find');
      expect(after.map((payload) => payload.operation)).toEqual(['insert', 'update', 'delete']);
      expect(after[0]).toMatchObject({ object: 'task', id: task['id'], userId: 'u9', result: { title: 'SHOUT' } });
      expect(after[1]).toMatchObject({ previous: { budget: null }, result: { budget: 5 }, data: { budget: 5 } });
      expect(after[2]).toMatchObject({ previous: { title: 'SHOUT', budget: 5 } });
    });

    it('a before-hook rejection becomes a 422 with the hook message, and nothing is written', async () => {
      const { engine, kernel } = get();
      const off = kernel.events.before<DataEventPayload>('data.beforeInsert', (payload) => {
        if (payload.object === 'task' && Number(payload.data?.['budget']) > 100) reject('Budgets above 100 need approval');
      });
      const before = await engine.count('task');
      const error = await dataError(engine.insert('task', { title: 'big', budget: 1000 }));
      off();
      expect([error.code, error.status, error.message]).toEqual(['rejected', 422, 'Budgets above 100 need approval']);
      expect(await engine.count('task')).toBe(before);
    });

    it('a beforeFind hook can narrow the query', async () => {
      const { engine, kernel } = get();
      const [, hidden] = await engine.insertMany('task', [{ title: 'keep', status: 'open' }, { title: 'hide', status: 'done' }]);
      const off = kernel.events.before<DataEventPayload>('data.beforeFind', (payload) =>
        payload.object === 'task' ? { ...payload, query: { ...payload.query, filter: { field: 'status', op: 'eq', value: 'open' } } } : undefined,
      );
      const result = await engine.find('task', { limit: 3 });
      const single = await dataError(engine.findOne('task', String(hidden?.['id'])));
      off();
      expect(result.records.map((record) => record['status'])).not.toContain('done');
      expect(single.code).toBe('not_found');
      expect((await engine.findOne('task', String(hidden?.['id'])))['title']).toBe('hide');
    });
  });

  scenario('permissions', (get) => {
    const rules = (objects: Record<string, Partial<Record<string, boolean>>>, fields: Record<string, { readable: boolean; editable: boolean }> = {}): RequestContext['permissions'] => ({
      objects: Object.fromEntries(
        Object.entries(objects).map(([name, access]) => [
          name,
          { allowRead: false, allowCreate: false, allowEdit: false, allowDelete: false, viewAllRecords: false, modifyAllRecords: false, ...access },
        ]),
      ),
      fields,
    });

    it('refuses operations the permissions do not allow (403 naming the permission)', async () => {
      const { engine } = get();
      const ctx: RequestContext = { userId: 'reader', permissions: rules({ account: { allowRead: true } }) };
      await engine.find('account', {}, ctx);
      const error = await dataError(engine.insert('account', { name: 'no' }, ctx));
      expect([error.code, error.status]).toEqual(['forbidden', 403]);
      expect(error.message).toContain('allowCreate');
      expect((await dataError(engine.find('contact', {}, ctx))).message).toContain('allowRead');
    });

    it('omits unreadable fields and refuses writes to fields that are not editable', async () => {
      const { engine } = get();
      const record = await engine.insert('account', { name: 'Secretive', revenue: 99 });
      const ctx: RequestContext = {
        userId: 'u',
        permissions: rules({ account: { allowRead: true, allowEdit: true } }, { 'account.revenue': { readable: false, editable: false } }),
      };
      const seen = await engine.findOne('account', String(record['id']), {}, ctx);
      expect(seen).not.toHaveProperty('revenue');
      expect(seen['name']).toBe('Secretive');
      const error = await dataError(engine.update('account', String(record['id']), { revenue: 1 }, ctx));
      expect([error.code, error.details]).toEqual(['forbidden', [{ field: 'revenue', problem: 'not editable with your permissions' }]]);
      expect((await dataError(engine.find('account', { filter: { field: 'revenue', op: 'gt', value: 1 } }, ctx))).code).toBe('forbidden');
    });

    it('keeps tenants apart on tenant-scoped objects', async () => {
      const { engine } = get();
      const mine = await engine.insert('ledger', { entry: 'one' }, { tenantId: 't1' });
      await engine.insert('ledger', { entry: 'two' }, { tenantId: 't2' });
      expect(mine['tenant_id']).toBe('t1');
      expect((await engine.find('ledger', {}, { tenantId: 't1' })).records.map((record) => record['entry'])).toEqual(['one']);
      expect((await dataError(engine.findOne('ledger', String(mine['id']), {}, { tenantId: 't2' }))).code).toBe('not_found');
      expect((await dataError(engine.delete('ledger', String(mine['id']), { tenantId: 't2' }))).code).toBe('not_found');
      const untenanted = await dataError(engine.insert('ledger', { entry: 'three' }));
      expect([untenanted.code, untenanted.details]).toEqual(['validation_failed', [{ field: 'tenant_id', problem: 'is required' }]]);
    });

    it('limits a private object to its owner unless viewAllRecords / modifyAllRecords', async () => {
      const { engine } = get();
      const crud = { allowRead: true, allowCreate: true, allowEdit: true, allowDelete: true };
      const alice: RequestContext = { userId: 'alice', permissions: rules({ task: crud }) };
      const bob: RequestContext = { userId: 'bob', permissions: rules({ task: crud }) };
      const auditor: RequestContext = { userId: 'carol', permissions: rules({ task: { ...crud, viewAllRecords: true } }) };
      const mine = await engine.insert('task', { title: 'alice task' }, alice);
      expect(mine['owner_id']).toBe('alice');
      expect((await engine.find('task', { limit: 3 }, bob)).records).toEqual([]);
      expect((await dataError(engine.findOne('task', String(mine['id']), {}, bob))).code).toBe('not_found');
      expect((await dataError(engine.update('task', String(mine['id']), { budget: 1 }, bob))).code).toBe('not_found');
      expect((await engine.find('task', { filter: { field: 'owner_id', op: 'eq', value: 'alice' } }, auditor)).records.map((r) => r['id'])).toContain(mine['id']);
      expect((await dataError(engine.delete('task', String(mine['id']), auditor))).code).toBe('not_found');
      expect((await engine.update('task', String(mine['id']), { budget: 2 }, alice))['budget']).toBe(2);
    });
  });
}
