import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEventPayload } from '../../../../runtime/kernel/index.js';
import { readBuiltinManifest } from '../../../../runtime/plugins/builtins.js';
import { DataError, type DataEngine } from '../../../../runtime/plugins/data/index.js';
import { databaseTarget, DataPluginConfigSchema, DEFAULT_DATABASE } from '../../../../runtime/plugins/data/config.js';
import metricsPlugin, { type MetricsService } from '../../../../runtime/plugins/metrics/index.js';
import { bootWithData, type BootedStack } from '../../data/support/boot.js';
import { databasesUnderTest } from '../../data/support/database.js';
import { resolveObjects } from '../../data/support/stack.js';

const ir = resolveObjects({
  ticket: { fields: { subject: { type: 'text', required: true }, priority: { type: 'number' } } },
});

for (const database of await databasesUnderTest('dataplugin')) {
  describe(`data plugin on ${database.dialect}`, () => {
    let booted: BootedStack;
    beforeAll(async () => {
      booted = await bootWithData(ir, database, 'plugin', [], { maxPageSize: 5 });
    });
    afterAll(() => booted?.kernel.stop());

    it('provides the data service over the configured database, with lifecycle events on the kernel bus', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      const events: string[] = [];
      const off = booted.kernel.events.on<DataEventPayload>('data.*', (payload, event) => {
        events.push(`${event}:${payload.object}`);
      });
      const created = await data.insert('ticket', { subject: 'Printer on fire', priority: 1 });
      const found = await data.find('ticket', { filter: { field: 'priority', op: 'eq', value: 1 } });
      off();
      expect(found.records.map((record) => record['subject'])).toEqual(['Printer on fire']);
      expect(found.records[0]?.['id']).toBe(created['id']);
      expect(events).toEqual([
        'data.beforeInsert:ticket',
        'data.afterInsert:ticket',
        'data.beforeFind:ticket',
        'data.afterFind:ticket',
      ]);
    });

    it('applies maxPageSize from the plugin config', async () => {
      const data = booted.kernel.getService<DataEngine>('data');
      await expect(data.find('ticket', { limit: 6 })).rejects.toThrow(DataError);
      await expect(data.find('ticket', { limit: 6 })).rejects.toMatchObject({ code: 'page_too_large', status: 400 });
    });

    it('reports healthy while the database answers', async () => {
      const health = await booted.kernel.health();
      expect(health.plugins.find((plugin) => plugin.id === 'com.objectstack.data')?.status).toBe('healthy');
    });
  });
}

for (const database of await databasesUnderTest('datametrics')) {
  describe(`data plugin timings on ${database.dialect}`, () => {
    it('times every operation into the metrics plugin, failed ones included', async () => {
      const booted = await bootWithData(ir, database, 'metrics', [{ id: 'com.objectstack.metrics', module: metricsPlugin }]);
      try {
        const data = booted.kernel.getService<DataEngine>('data');
        await data.insert('ticket', { subject: 'Timed' });
        await data.find('ticket');
        await expect(data.insert('ticket', {})).rejects.toThrow(DataError);
        const text = await booted.kernel.getService<MetricsService>('metrics').render();
        const count = (operation: string) =>
          Number(text.match(new RegExp(`db_query_duration_seconds_count\\{[^}]*operation="${operation}"[^}]*object="ticket"[^}]*\\} (\\d+)`))?.[1]);
        expect(count('insert')).toBe(2);
        expect(count('find')).toBe(1);
      } finally {
        await booted.kernel.stop();
      }
    });
  });
}

describe('data plugin configuration', () => {
  it('takes the database from the config, else OBJECTSTACK_DATABASE_URL, else .objectstack/dev.db', () => {
    const defaults = DataPluginConfigSchema.parse({});
    expect(databaseTarget({ ...defaults, url: 'postgres://x/y' }, { OBJECTSTACK_DATABASE_URL: 'other.db' })).toBe(
      'postgres://x/y',
    );
    expect(databaseTarget(defaults, { OBJECTSTACK_DATABASE_URL: 'other.db' })).toBe('other.db');
    expect(databaseTarget(defaults, {})).toBe(DEFAULT_DATABASE);
  });

  it('keeps the manifest defaults equal to the module schema defaults', async () => {
    const manifest = await readBuiltinManifest('com.objectstack.data');
    const declared = Object.fromEntries(
      Object.entries(manifest.configuration?.properties ?? {}).flatMap(([key, property]) =>
        property.default !== undefined ? [[key, property.default]] : [],
      ),
    );
    expect(declared).toEqual(DataPluginConfigSchema.parse({}));
  });

  it('fails init with the plugin id and the key when the config is wrong', async () => {
    const { createKernel } = await import('../../../../runtime/kernel/index.js');
    const { captureLogs } = await import('../../../../runtime/testing/index.js');
    const dataPlugin = (await import('../../../../runtime/plugins/data/index.js')).default;
    const kernel = createKernel({ requiredServices: [], logDestination: captureLogs([]) });
    kernel.register({
      manifest: await readBuiltinManifest('com.objectstack.data'),
      module: dataPlugin,
      config: { maxPageSize: -1 },
    });
    const report = await kernel.start();
    expect(report.failed[0]?.error.message).toMatch(/Plugin 'com.objectstack.data' has an invalid config: maxPageSize/);
    await kernel.stop();
  });
});
