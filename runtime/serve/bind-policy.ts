const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Serving without authentication anywhere but loopback would expose every record to the network. */
export class LoopbackRequired extends Error {
  constructor(readonly host: string) {
    super(
      `Refusing to listen on ${host} without authentication: anyone who can reach it could read and change every record. ` +
        'Add the com.objectstack.auth plugin to the stack, bind to 127.0.0.1, or pass --insecure if you really mean it.',
    );
    this.name = 'LoopbackRequired';
  }
}
