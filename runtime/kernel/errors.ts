import type { runtimeCodes } from '../../compiler/diagnostics/catalogue/runtime.js';

export type RuntimeCode = keyof typeof runtimeCodes;

/**
 * Every error the kernel raises for a user mistake: a one-line message (what, which plugin, how to fix) and a
 * permanent catalogue code, so the CLI prints `OS7008 <message>` and exits 1 without a stack trace.
 */
export class KernelError extends Error {
  constructor(
    readonly code: RuntimeCode,
    message: string,
    readonly pluginId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Raised by `emitBefore` when a before-hook rejects the operation; the data engine turns it into a 4xx answer. */
export class OperationRejectedError extends KernelError {
  constructor(message: string, pluginId?: string, options?: ErrorOptions) {
    super('OS7013', message, pluginId, options);
  }
}

/** Thrown from a before-hook to cancel the operation with a message for the caller. */
export function reject(message: string): never {
  throw new OperationRejectedError(message);
}

export function isKernelError(error: unknown): error is KernelError {
  return error instanceof KernelError;
}

/** Anything thrown, as an Error (plugins may throw strings or plain objects). */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}
