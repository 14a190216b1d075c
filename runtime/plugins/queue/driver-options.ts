import type { HandlerErrorListener } from './delivery.js';
import type { QueueSettings } from './queue-service.js';

/** What every driver is built with, whatever its backend. */
export interface QueueDriverOptions {
  /** Effective settings of a named queue (configured or defaults). */
  settingsFor(queue: string): QueueSettings;
  /** Told about each failed handler run (the plugin logs it). */
  onHandlerError?: HandlerErrorListener;
  /** Told about backend failures (lost connection, failed read) that the driver retries on its own. */
  onBackendError?: (error: unknown) => void;
}
