import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinManifest } from '../../../../runtime/plugins/builtins.js';
import auditPlugin, { type AuditService } from '../../../../runtime/plugins/audit/index.js';
import { AuditPluginConfigSchema } from '../../../../runtime/plugins/audit/config.js';
import type { DataEngine } from '../../../../runtime/plugins/data/index.js';
import { bootWithData, type BootedStack } from '../../data/support/boot.js';
import { databasesUnderTest } from '../../data/support/database.js';
import { resolveObjects } from '../../data/support/stack.js';

const ir = resolveObjects({
  deal: { fields: { name: { type: 'text', required: true }, amount: { type: 'currency' }, tags: { type: 'tags' } } },
  memo: { fields: { body: { type: 'text' } } },
  deal_line: { fields: { item: { type: 'text' }, deal: { type: 'master_detail', reference: 'deal' } } },
});

for (const database of await databasesUnderTest('audit')) {
  describe(`audit plugin on ${database.dialect}`, () => {
    let booted: BootedStack;
    beforeAll(async () => {
      booted = await bootWithData(ir, database, 'audit', [
        { id: 'com.objectstack.audit', module: auditPlugin, config: { objects: ['deal', 'deal_line'] } },
      ]);
    });
    afterAll(() => booted?.kernel.stop());

    it('records insert, update and delete with who, when and field-level before/after', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      const audit = booted.kernel.getService<AuditService>('audit');
      const deal = await data.insert('deal', { name: 'Big one', amount: 100, tags: ['hot'] }, { userId: 'ann' });
      const id = String(deal['id']);
      await data.update('deal', id, { amount: 250, name: 'Big one' }, { userId: 'bob' });
      await data.delete('deal', id, { userId: 'cid' });
      const entries = await audit.list({ object: 'deal', recordId: id });
      expect(entries.map(({ operation, userId, changes }) => ({ operation, userId, changes }))).toEqual([
        {
          operation: 'insert',
          userId: 'ann',
          changes: {
            name: { before: null, after: 'Big one' },
            amount: { before: null, after: 100 },
            tags: { before: null, after: ['hot'] },
            owner_id: { before: null, after: 'ann' },
          },
        },
        { operation: 'update', userId: 'bob', changes: { amount: { before: 100, after: 250 } } },
        {
          operation: 'delete',
          userId: 'cid',
          changes: {
            name: { before: 'Big one', after: null },
            amount: { before: 250, after: null },
            tags: { before: ['hot'], after: null },
            owner_id: { before: 'ann', after: null },
          },
        },
      ]);
      for (const entry of entries) expect(Date.parse(entry.at)).not.toBeNaN();
      expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort());
    });

    it('records the children a cascade deletes along with their parent', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      const audit = booted.kernel.getService<AuditService>('audit');
      const deal = String((await data.insert('deal', { name: 'Parent' }))['id']);
      const line = String((await data.insert('deal_line', { item: 'widget', deal }))['id']);
      await data.delete('deal', deal, { userId: 'dan' });
      const entries = await audit.list({ object: 'deal_line', recordId: line });
      expect(entries.map(({ operation, userId, changes }) => ({ operation, userId, changes }))).toEqual([
        { operation: 'insert', userId: null, changes: { item: { before: null, after: 'widget' }, deal: { before: null, after: deal } } },
        { operation: 'delete', userId: 'dan', changes: { item: { before: 'widget', after: null }, deal: { before: deal, after: null } } },
      ]);
    });

    it('audits only the configured objects', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      const audit = booted.kernel.getService<AuditService>('audit');
      const memo = await data.insert('memo', { body: 'not audited' });
      expect(await audit.list({ object: 'memo' })).toEqual([]);
      expect(await audit.list({ recordId: String(memo['id']) })).toEqual([]);
    });

    it('pages through the log', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      const audit = booted.kernel.getService<AuditService>('audit');
      await data.insertMany('deal', [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      const all = await audit.list({ object: 'deal' });
      const page = await audit.list({ object: 'deal', limit: 2, offset: 1 });
      expect(page).toEqual(all.slice(1, 3));
    });
  });
}

describe('audit plugin configuration', () => {
  it('keeps the manifest defaults equal to the module schema defaults', async () => {
    const manifest = await readBuiltinManifest('com.objectstack.audit');
    const declared = Object.fromEntries(
      Object.entries(manifest.configuration?.properties ?? {}).map(([key, property]) => [key, property.default]),
    );
    expect(declared).toEqual(AuditPluginConfigSchema.parse({}));
  });
});
