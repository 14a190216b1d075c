import { describe, expect, it } from 'vitest';
import { DataError, filterFromObject, sortFromString } from '../../../runtime/data/engine/index.js';

describe('filters as clients write them', () => {
  it('reads bare values as eq, operator objects, and nested and/or', () => {
    expect(filterFromObject({ status: 'open' })).toEqual({ field: 'status', op: 'eq', value: 'open' });
    expect(filterFromObject({ amount: { gte: 100, lt: 500 }, status: null, or: [{ owner: { isNull: 'true' } }, { tag: { in: 'a,b' } }] })).toEqual({
      and: [
        { field: 'amount', op: 'gte', value: 100 },
        { field: 'amount', op: 'lt', value: 500 },
        { field: 'status', op: 'eq', value: null },
        { or: [{ field: 'owner', op: 'isNull', value: true }, { field: 'tag', op: 'in', value: ['a', 'b'] }] },
      ],
    });
    expect(filterFromObject({})).toEqual({ and: [] });
  });

  it.each([
    [[], 'filter must be an object'],
    [{ amount: { like: 1 } }, 'filter.amount: unknown operator "like"'],
    [{ and: {} }, 'filter.and must be a list'],
    [{ or: [{ a: { in: [{}] } }] }, 'filter.or[0].a.in takes a list'],
    [{ a: { isNull: 'maybe' } }, 'isNull takes true or false'],
    [{ a: [1, 2] }, 'filter.a.eq takes one value'],
  ])('refuses %j with a 400 saying where', (input, message) => {
    expect(() => filterFromObject(input)).toThrow(DataError);
    expect(() => filterFromObject(input)).toThrow(message);
  });
});

describe('sort parameter', () => {
  it('reads "-a,b" as a descending then b ascending', () => {
    expect(sortFromString('-created_at, name,+code,')).toEqual([
      { field: 'created_at', direction: 'desc' },
      { field: 'name', direction: 'asc' },
      { field: 'code', direction: 'asc' },
    ]);
  });
});
