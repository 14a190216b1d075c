import type { Kernel } from './kernel.js';

/** What signal handling needs from the process; tests pass an EventEmitter and a recording `exit`. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

export interface SignalOptions {
  readonly signals?: readonly NodeJS.Signals[];
  readonly target?: SignalTarget;
  readonly exit?: (code: number) => void;
}

/**
 * Opt-in graceful shutdown: the first SIGINT/SIGTERM runs `kernel.stop()` (stop accepting, bounded wait for
 * in-flight work, destroy plugins) and exits 0 (1 if shutdown itself failed); a second signal exits 1 at once.
 * Returns a function that removes the handlers.
 */
export function installSignalHandlers(kernel: Kernel, options: SignalOptions = {}): () => void {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received++;
    if (received > 1) {
      kernel.logger.warn({ signal }, `Received ${signal} again; forcing exit`);
      exit(1);
      return;
    }
    kernel.logger.info({ signal }, `Received ${signal}; shutting down gracefully (send it again to force)`);
    kernel.stop().then(
      () => exit(0),
      (error: unknown) => {
        kernel.logger.error({ err: error }, 'Shutdown failed');
        exit(1);
      },
    );
  };
  const listeners = signals.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, listener] of listeners) target.on(signal, listener);
  return () => {
    for (const [signal, listener] of listeners) target.off(signal, listener);
  };
}
