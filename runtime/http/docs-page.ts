import type { FastifyInstance } from 'fastify';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Operation {
  readonly summary?: string;
  readonly tags?: readonly string[];
}

/** One page listing every operation of the OpenAPI document, grouped by tag; no external scripts or styles. */
export function renderDocsPage(document: unknown): string {
  const doc = (document ?? {}) as { info?: { title?: string; version?: string }; paths?: Record<string, Record<string, Operation>> };
  const groups = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      const row = `<tr><td class="m ${method}">${method.toUpperCase()}</td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(operation.summary ?? '')}</td></tr>`;
      groups.set(tag, [...(groups.get(tag) ?? []), row]);
    }
  }
  const title = escapeHtml(`${doc.info?.title ?? 'API'} ${doc.info?.version ?? ''}`.trim());
  const sections = [...groups.entries()].map(([tag, rows]) => `<h2>${escapeHtml(tag)}</h2><table>${rows.join('')}</table>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>
body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}td{padding:.2rem .6rem;vertical-align:top}
.m{font-weight:600;font-family:monospace}.get{color:#2563eb}.post{color:#16a34a}.patch{color:#ca8a04}.delete{color:#dc2626}
</style></head><body><h1>${title}</h1><p>The full description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. GraphQL: <a href="/graphiql">GraphiQL</a>.</p>
${sections}</body></html>`;
}

/** `GET /api/v1/docs` (development only): the operations of the served OpenAPI document, readable in a browser. */
export function registerDocsRoute(app: FastifyInstance, document: () => unknown): void {
  app.get('/api/v1/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderDocsPage(document())));
}
