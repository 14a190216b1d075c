import { describe, expect, it } from 'vitest';
import { openDriver } from '../../../runtime/data/drivers/index.js';
import { SqlStorageBackend } from '../../../runtime/data/storage-backend.js';
import { createTestContext } from '../../../runtime/testing/index.js';
import { databasesUnderTest } from './support/database.js';

for (const database of await databasesUnderTest('storage')) {
  describe(`plugin storage in the ${database.dialect} database`, () => {
    it('gets, sets, overwrites, lists by prefix and deletes, isolated per namespace', async () => {
      const driver = openDriver(await database.fresh('kv'));
      const storage = new SqlStorageBackend(driver);
      try {
        expect(await storage.get('a', 'missing')).toBeUndefined();
        await storage.set('a', 'user:2', { name: 'Zoë', tags: ['x'], n: 1.5, ok: true, none: null });
        await storage.set('a', 'user:1', 'first');
        await storage.set('a', 'user:1', 'second');
        await storage.set('a', "it's; DROP TABLE _plugin_storage", 42);
        await storage.set('b', 'user:1', 'other plugin');
        expect(await storage.get('a', 'user:2')).toEqual({ name: 'Zoë', tags: ['x'], n: 1.5, ok: true, none: null });
        expect(await storage.get('a', 'user:1')).toBe('second');
        expect(await storage.list('a', 'user:')).toEqual(['user:1', 'user:2']);
        expect(await storage.list('a')).toEqual(["it's; DROP TABLE _plugin_storage", 'user:1', 'user:2']);
        expect(await storage.list('b')).toEqual(['user:1']);
        expect(await storage.delete('a', 'user:1')).toBe(true);
        expect(await storage.delete('a', 'user:1')).toBe(false);
        expect(await storage.get('b', 'user:1')).toBe('other plugin');
        await expect(storage.set('a', 'fn', () => 1)).rejects.toThrow('cannot be stored');
      } finally {
        await driver.close();
      }
    });

    it("persists a plugin's ctx.storage across kernel restarts", async () => {
      const target = await database.fresh('restart');
      for (const round of [1, 2]) {
        const driver = openDriver(target);
        const ctx = await createTestContext({ storage: new SqlStorageBackend(driver) });
        if (round === 1) await ctx.storage.set('counter', 41);
        else expect(await ctx.storage.get('counter')).toBe(41);
        await ctx.dispose();
        await driver.close();
      }
    });
  });
}
