import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Writable } from 'node:stream';
import { startStack, type RunningStack, type StartOptions } from '../../../runtime/serve/start.js';

export interface Answer<Body = any> {
  readonly status: number;
  readonly body: Body;
  readonly headers: Headers;
}

export interface ServedForTest extends RunningStack {
  readonly dir: string;
  /** Log lines as written (the stack's own format: pretty, text or JSON). */
  readonly logs: string[];
  request<Body = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<Body>>;
  graphql<Data = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer<{ data?: Data; errors?: any[] }>>;
  close(): Promise<void>;
}

/** A project folder holding this stack document (and copies of the given folders, e.g. local plugins). */
export function writeProject(stack: Record<string, unknown>, copy: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-serve-'));
  writeFileSync(join(dir, 'objectstack.yaml'), stringify(stack));
  for (const [target, source] of Object.entries(copy)) cpSync(source, join(dir, target), { recursive: true });
  return dir;
}

/** Serves a project on 127.0.0.1 with an OS-assigned port, logs captured; `close()` stops it and removes the folder. */
export async function serveProject(dir: string, options: Omit<StartOptions, 'stack'> = {}): Promise<ServedForTest> {
  const logs: string[] = [];
  const captured = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const running = await startStack({ stack: join(dir, 'objectstack.yaml'), port: 0, logDestination: captured, ...options });
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${running.url}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (metrics text)
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    ...running,
    dir,
    logs,
    request,
    graphql: (query, variables, headers) => request('POST', '/api/v1/graphql', { query, ...(variables && { variables }) }, headers),
    async close() {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
