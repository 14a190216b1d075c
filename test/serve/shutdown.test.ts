import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseTargets } from '../http/support/databases.js';
import { salesStack } from '../http/support/sales-stack.js';
import { serveProject, writeProject } from '../http/support/served.js';

const [sqlite] = await databaseTargets('shutdown');

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new ones, then stops', async () => {
    const stack = salesStack({ plugins: [{ id: 'com.objectstack.data' }, { path: './plugins/guard' }] });
    const dir = writeProject(stack, { 'plugins/guard': join(import.meta.dirname, '..', 'http', 'fixtures', 'guard') });
    const served = await serveProject(dir, { database: await sqlite!.fresh('shutdown') });
    const inFlight = served.request('POST', '/api/v1/data/account', { name: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(served.kernel.inFlightCount).toBe(1);
    const stopping = served.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(served.kernel.ready).toBe(false);
    const late = await served.request('GET', '/api/v1/ready').then(
      (answer) => answer.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('SLOW');
    await stopping;
    expect(served.kernel.state).toBe('stopped');
  }, 60_000);
});
