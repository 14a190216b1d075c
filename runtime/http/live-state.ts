import type { DataEngine, RequestContext } from '../data/engine/types.js';
import type { AuthService } from '../plugins/auth/auth-service.js';
import type { ServedStack } from './served-stack.js';

/**
 * What route handlers read per request: the stack being served now (swapped by `dev`), the data engine and the
 * auth service. A request takes the stack once, at its start, and keeps it to the end.
 */
export interface LiveState {
  readonly stack: ServedStack;
  readonly engine: DataEngine;
  readonly auth: AuthService | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The stack this request is served with (fixed at the request's start). */
    served: ServedStack;
    /** The engine serving that stack (fixed at the request's start, like `served`). */
    engine: DataEngine;
    /** Who the request acts as, for the data engine; set by the auth hook on protected routes. */
    dataContext: RequestContext;
  }
}
