import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '../../runtime/data/engine/types.js';
import { databaseTargets } from './support/databases.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('record-schemas');

/** Every kind of value a record schema has to write faithfully: JSON of any shape, lists, formulas, secrets, lookups. */
const stack = {
  manifest: { id: 'com.test.gadgets', name: 'Gadgets', version: '1.0.0' },
  plugins: [{ id: 'com.objectstack.data' }],
  objects: {
    maker: { fields: { name: { type: 'text', required: true } } },
    gadget: {
      fields: {
        name: { type: 'text', required: true, maxLength: 40 },
        count: { type: 'number', scale: 0 },
        price: { type: 'currency' },
        ok: { type: 'boolean' },
        kind: { type: 'select', options: ['small', 'large'] },
        extra: { type: 'json' },
        labels: { type: 'tags', allowCustom: true },
        secret: { type: 'password' },
        maker: { type: 'lookup', reference: 'maker' },
        label: { type: 'formula', expression: "name & ' #' & count", returnType: 'text' },
        double: { type: 'formula', expression: 'price * 2', returnType: 'number', scale: 2 },
      },
    },
  },
};

describe('REST records are written by the serializer compiled from the object definition', () => {
  let served: ServedForTest;
  let engine: DataEngine;
  let makerId: string;
  let gadget: Record<string, unknown>;
  beforeAll(async () => {
    served = await serveProject(writeProject(stack), { database: await sqlite!.fresh('schemas'), dev: true });
    engine = served.kernel.getService<DataEngine>('data');
    makerId = String((await served.request('POST', '/api/v1/data/maker', { name: 'Acme' })).body.id);
    const created = await served.request('POST', '/api/v1/data/gadget', {
      name: 'Widget',
      count: 3,
      price: 2.5,
      ok: false,
      kind: 'large',
      extra: ['any', { json: [1, null] }, 2.75],
      labels: ['new', 'blue'],
      secret: 'hunter2',
      maker: makerId,
    });
    expect(created.status).toBe(201);
    gadget = created.body;
  }, 60_000);
  afterAll(() => served?.close());

  it('answers exactly the engine record: JSON of any shape, lists, formulas, system fields; never the password', async () => {
    const answer = await served.request('GET', `/api/v1/data/gadget/${String(gadget['id'])}`);
    expect(answer.status).toBe(200);
    const record = await engine.findOne('gadget', String(gadget['id']));
    expect(answer.body).toStrictEqual(record);
    expect(answer.body).toMatchObject({ extra: ['any', { json: [1, null] }, 2.75], labels: ['new', 'blue'], label: 'Widget #3', double: 5, ok: false });
    expect(Object.keys(answer.body)).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id']));
    expect(answer.body).not.toHaveProperty('secret');
    expect(gadget).toStrictEqual(record);
  });

  it('labels every answer written by a compiled serializer as JSON (Fastify does so only for its default one)', async () => {
    const created = await served.request('POST', '/api/v1/data/maker', { name: 'Globex' });
    const answers = [
      created,
      await served.request('GET', `/api/v1/data/gadget/${String(gadget['id'])}`),
      await served.request('GET', '/api/v1/data/gadget'),
      await served.request('PATCH', `/api/v1/data/maker/${String(created.body.id)}`, { name: 'Globex Ltd' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('keeps a selection as selected, nulls as nulls, and expanded lookups whole', async () => {
    const selected = await served.request('GET', `/api/v1/data/gadget/${String(gadget['id'])}?fields=name,kind`);
    expect(selected.body).toStrictEqual({ id: gadget['id'], name: 'Widget', kind: 'large' });
    const page = await served.request('GET', '/api/v1/data/gadget?fields=count,extra&filter[kind]=large');
    expect(page.body).toStrictEqual({ data: [{ id: gadget['id'], count: 3, extra: ['any', { json: [1, null] }, 2.75] }], total: 1, limit: 50, offset: 0 });
    const sparse = await served.request('POST', '/api/v1/data/gadget', { name: 'Bare' });
    expect(sparse.body).toMatchObject({ count: null, extra: null, kind: null, maker: null, labels: null });
    const expanded = await served.request('GET', `/api/v1/data/gadget/${String(gadget['id'])}?expand=maker`);
    expect(expanded.body.maker).toMatchObject({ id: makerId, name: 'Acme' });
  });

  it('compiles the record, page and bulk schemas through Fastify, from the field mapping', async () => {
    const body = [{ name: 'One' }, { name: 'Two', kind: 'small' }];
    const bulk = await served.request('POST', '/api/v1/data/gadget/bulk', body);
    expect(bulk.status).toBe(201);
    expect(bulk.body.data.map((record: { name: string }) => record.name)).toEqual(['One', 'Two']);
    await served.request('GET', '/api/v1/data/gadget');
    const codecs = served.server.served().object('gadget').codecs;
    expect([...codecs.compiled].sort()).toEqual(['list', 'page', 'record']);
    const properties = codecs.responseSchema('record')['properties'] as Record<string, unknown>;
    expect(properties['count']).toEqual({ type: ['number', 'null'] });
    expect(properties['extra']).toEqual({});
    expect(properties['labels']).toEqual({ type: ['array', 'null'], items: { type: ['string'] } });
    expect(properties).not.toHaveProperty('secret');
  });

  it('answers bad bodies with the documented error JSON and status, never coercing a value', async () => {
    const unknown = await served.request('POST', '/api/v1/data/gadget', { name: 'X', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      code: 'bad_request',
      message: 'Unknown field(s) in the insert on gadget',
      details: [{ field: 'colour', problem: expect.stringContaining('Field "colour" is not a field of gadget') }],
    });
    const text = await served.request('POST', '/api/v1/data/gadget', { name: 'X', count: '5' });
    expect(text.status).toBe(422);
    expect(text.body).toEqual({ code: 'validation_failed', message: 'Invalid value(s) for gadget', details: [{ field: 'count', problem: 'must be a number' }] });
    const readonly = await served.request('POST', '/api/v1/data/gadget', { name: 'X', label: 5 });
    expect(readonly.status).toBe(422);
    expect(readonly.body.code).toBe('readonly_field');
    const patch = await served.request('PATCH', `/api/v1/data/gadget/${String(gadget['id'])}`, { nmae: 'Y' });
    expect(patch.status).toBe(400);
    expect(patch.body).toMatchObject({ message: 'Unknown field(s) in the update on gadget', details: [{ field: 'nmae', problem: expect.stringContaining('did you mean') }] });
    const bulk = await served.request('POST', '/api/v1/data/gadget/bulk', [{ name: 'A' }, { name: 'B', bogus: true }]);
    expect(bulk.status).toBe(400);
    expect(bulk.body).toMatchObject({ code: 'bad_request', message: 'Record 2 of the batch: Unknown field(s) in the insert on gadget', details: [{ field: 'bogus', index: 1 }] });
    const stored = await served.request('GET', '/api/v1/data/gadget?filter[name]=X');
    expect(stored.body.total).toBe(0);
    expect((await served.request('GET', '/api/v1/data/gadget?filter[name]=A')).body.total).toBe(0);
  });

  it('rebuilds the schemas when dev reload swaps the metadata', async () => {
    const file = join(served.dir, 'objectstack.yaml');
    const next = parse(readFileSync(file, 'utf8')) as typeof stack;
    (next.objects.gadget.fields as Record<string, unknown>)['colour'] = { type: 'text' };
    writeFileSync(file, stringify(next));
    const outcome = await served.reload();
    expect(outcome.ok).toBe(true);
    const created = await served.request('POST', '/api/v1/data/gadget', { name: 'Painted', colour: 'red' });
    expect(created.status).toBe(201);
    const read = await served.request('GET', `/api/v1/data/gadget/${String(created.body.id)}`);
    expect(read.body).toMatchObject({ name: 'Painted', colour: 'red' });
    expect(served.server.served().object('gadget').codecs.responseSchema('record')['properties']).toHaveProperty('colour');
  });
});
