import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node.js';

/** The subset of LSP shapes the editor test reads. */
export interface Position { line: number; character: number }
export interface Diagnostic { message: string; range: { start: Position; end: Position }; severity?: number }
export interface CompletionItem { label: string; kind?: number }
export interface Hover { contents: { kind: string; value: string } | string | Array<string | { value: string }> }

const require = createRequire(import.meta.url);
const SERVER = join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');

/** Settings the server pulls with workspace/configuration: sections yaml, http, [yaml], editor. */
const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false }, // no network: schemas come only from the modelines
};

/** A real yaml-language-server child process spoken to over stdio. */
export class YamlLanguageServer {
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: Array<() => void> = [];

  private constructor(private readonly child: ChildProcessWithoutNullStreams, private readonly connection: MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS : {})),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => undefined); // telemetry, log messages
  }

  static async start(rootUri: string): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    // The server may exit before the last `exit` notification is flushed; a broken pipe then is expected.
    child.stdin.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new YamlLanguageServer(child, connection);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'objectstack' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    connection.sendNotification('initialized', {});
    return server;
  }

  open(uri: string, text: string): void {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
  async diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && accept(current)) return current;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(current)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri }, position,
    });
    return Array.isArray(result) ? result : result?.items ?? [];
  }

  async hover(uri: string, position: Position): Promise<string> {
    const result = await this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const contents = result?.contents;
    if (contents === undefined) return '';
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
    return contents.value;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const within = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), within(2000)]);
      await this.connection.sendNotification('exit').catch(() => undefined);
      await Promise.race([exited, within(2000)]);
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}

/** The position just after the first occurrence of `marker` (on its line) in `text`. */
export function positionAfter(text: string, marker: string): Position {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`marker ${JSON.stringify(marker)} not in document`);
  const before = text.slice(0, offset + marker.length).split('\n');
  return { line: before.length - 1, character: (before.at(-1) ?? '').length };
}
