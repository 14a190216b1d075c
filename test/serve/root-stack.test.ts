import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { serveProject, writeProject, type ServedForTest } from '../http/support/served.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the root stack served', () => {
  let served: ServedForTest;
  beforeAll(async () => {
    const stack = parse(readFileSync(join(ROOT, 'objectstack.yaml'), 'utf8')) as Record<string, unknown>;
    const dir = writeProject(stack, { plugins: join(ROOT, 'plugins') });
    served = await serveProject(dir);
  }, 60_000);
  afterAll(() => served?.close());

  it('answers health, REST and GraphQL', async () => {
    const health = await served.request('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    const project = await served.request('POST', '/api/v1/data/project', { name: 'Tracker', key: 'TRK' });
    expect(project.status).toBe(201);
    const issue = await served.request('POST', '/api/v1/data/issue', { title: 'First', project: project.body.id });
    expect(issue.status, JSON.stringify(issue.body)).toBe(201);
    const list = await served.request('GET', '/api/v1/data/issue?filter[status]=open&expand=project');
    expect(list.body.total).toBe(1);
    const gql = await served.graphql('{ issues { totalCount nodes { title status project { name } } } }');
    expect(gql.body).toEqual({ data: { issues: { totalCount: 1, nodes: [{ title: 'First', status: 'open', project: { name: 'Tracker' } }] } } });
    const reverse = await served.graphql('{ projects { nodes { issues { title } } } }');
    expect(reverse.body).toEqual({ data: { projects: { nodes: [{ issues: [{ title: 'First' }] }] } } });
  });

  it('boots the stack plugins and records request metrics', async () => {
    const health = await served.request('GET', '/api/v1/health');
    expect(health.body.services.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['data', 'metadata', 'cache', 'queue', 'metrics']));
    expect(health.body.plugins.filter((p: { status: string }) => p.status !== 'healthy')).toEqual([]);
    expect(health.body.plugins.map((p: { id: string }) => p.id)).toContain('com.objectstack.audit');
    await served.request('GET', '/api/v1/data/label');
    const metrics = await served.request('GET', '/api/v1/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/data\/:object",status="200"\} \d+/);
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    // The data engine's operations are timed too, per operation and object.
    expect(metrics.body).toMatch(/db_query_duration_seconds_count\{[^}]*operation="find"[^}]*object="label"[^}]*\} [1-9]/);
  });
});
