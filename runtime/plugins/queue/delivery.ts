import { retryDelayMs } from './backoff.js';
import type { QueueCounters } from './counters.js';
import { DEAD_LETTER_HEADERS, type QueueHandler, type QueueMessage, type QueueSettings } from './queue-service.js';

/** What a driver does with a message once its handler has settled. */
export interface DeliveryActions {
  ack(): Promise<void>;
  /** Makes the message available again after `delayMs`, with `attempt + 1`. */
  retry(delayMs: number): Promise<void>;
  /** Moves the message to the dead-letter queue (with these extra headers) and removes it from its queue. */
  deadLetter(headers: Record<string, string>): Promise<void>;
}

export type HandlerErrorListener = (error: unknown, message: QueueMessage) => void;

/**
 * The retry / dead-letter decision, shared by every driver so they behave the same: a failing handler is retried
 * with backoff until `retry.maxAttempts` deliveries, then dead-lettered (or dropped when dead-lettering is off).
 */
export async function deliver(
  message: QueueMessage,
  handler: QueueHandler,
  settings: QueueSettings,
  actions: DeliveryActions,
  counters: QueueCounters,
  onError?: HandlerErrorListener,
): Promise<void> {
  const counts = counters.of(message.queue);
  counts.inFlight++;
  try {
    await handler(message);
  } catch (error) {
    onError?.(error, message);
    if (message.attempt < settings.retry.maxAttempts) {
      counts.retried++;
      await actions.retry(retryDelayMs(settings.retry.backoff, message.attempt));
    } else if (settings.deadLetter.enabled) {
      counts.deadLettered++;
      await actions.deadLetter({
        [DEAD_LETTER_HEADERS.from]: message.queue,
        [DEAD_LETTER_HEADERS.error]: describeError(error),
        [DEAD_LETTER_HEADERS.attempts]: String(message.attempt),
        [DEAD_LETTER_HEADERS.originalId]: message.id,
      });
    } else {
      await actions.ack();
    }
    return;
  } finally {
    counts.inFlight--;
  }
  counts.completed++;
  await actions.ack();
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
