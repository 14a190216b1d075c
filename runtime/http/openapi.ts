import type { FastifyInstance } from 'fastify';

/** `GET /api/v1/openapi.json`: the generated document as built (the `live` getter follows `dev` swaps). */
export function registerOpenapiRoute(app: FastifyInstance, document: () => unknown): void {
  app.get('/api/v1/openapi.json', async (_request, reply) => {
    const current = document();
    if (current === undefined) {
      return reply.code(404).send({ code: 'not_found', message: 'No OpenAPI document: run `objectstack build` to generate openapi.json', details: [] });
    }
    return reply.type('application/json').send(current);
  });
}
