import { describe, expect, it } from 'vitest';
import { newRecordId, RECORD_ID_PATTERN } from '../../../runtime/data/engine/id.js';
import { formatAutonumber, nextCounter } from '../../../runtime/data/engine/autonumber.js';

describe('record ids', () => {
  it('are UUIDv7 whose text order is creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newRecordId(1_700_000_000_000 + Math.floor(i / 1000)));
    for (const id of ids) expect(id).toMatch(RECORD_ID_PATTERN);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replaceAll('-', '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
  });
});

describe('autonumbers', () => {
  it('format the counter and the creation date', () => {
    expect(formatAutonumber('INV-{YYYY}-{0000}', 42, '2026-07-09T10:00:00.000Z')).toBe('INV-2026-0042');
    expect(formatAutonumber('{YY}{MM}{DD}/{0}', 12345, '2026-07-09T10:00:00.000Z')).toBe('260709/12345');
    expect(formatAutonumber('N{00}', 123, null)).toBe('N123');
  });

  it('continue after the largest stored counter, never below startNumber', () => {
    expect(nextCounter(null, 1000)).toBe(1000);
    expect(nextCounter('1000', 1000)).toBe(1001);
    expect(nextCounter(5, 1000)).toBe(1000);
  });
});
