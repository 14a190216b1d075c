import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';

/** One item row as SQLite returns it; `active` is stored 0/1. */
interface ItemRow {
  readonly id: string;
  readonly active: number;
  readonly [column: string]: unknown;
}

/**
 * The hand-written reference: Fastify routes over better-sqlite3 prepared statements on the same database file,
 * returning the same JSON (booleans decoded, the same page envelope with a total). What a developer would write
 * by hand for this one table, with nothing generic in the way.
 */
export async function baselineServer(file: string): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const byId = db.prepare('SELECT * FROM item WHERE id = ?');
  const page = db.prepare('SELECT * FROM item WHERE category = ? ORDER BY id LIMIT ? OFFSET ?');
  const count = db.prepare('SELECT count(*) AS total FROM item WHERE category = ?');
  const insert = db.prepare(
    'INSERT INTO item (id, name, category, price, active, created_at, updated_at, created_by, updated_by, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)',
  );
  const decode = (row: ItemRow) => ({ ...row, active: row.active === 1 });
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/items/:id', async (request, reply) => {
    const row = byId.get(request.params.id) as ItemRow | undefined;
    return row ? decode(row) : reply.code(404).send({ code: 'not_found', message: 'no such item', details: [] });
  });
  app.get<{ Querystring: { category?: string } }>('/items', async (request) => {
    const category = request.query.category ?? '';
    const rows = page.all(category, 50, 0) as ItemRow[];
    const { total } = count.get(category) as { total: number };
    return { data: rows.map(decode), total, limit: 50, offset: 0 };
  });
  app.post<{ Body: { name: string; category: string; price: number; active?: boolean } }>('/items', async (request, reply) => {
    const body = request.body;
    const now = new Date().toISOString();
    const id = randomUUID();
    insert.run(id, body.name, body.category, body.price, body.active === false ? 0 : 1, now, now);
    return reply.code(201).send(decode(byId.get(id) as ItemRow));
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    async close() {
      await app.close();
      db.close();
    },
  };
}
