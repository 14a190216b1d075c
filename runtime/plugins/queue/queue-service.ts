/** The queue service contract: one interface, three drivers (memory, Redis Streams, NATS JetStream). */

export interface QueueMessage<Payload = unknown> {
  /** Unique per published message; stable across retries and redeliveries. */
  readonly id: string;
  readonly queue: string;
  readonly payload: Payload;
  /** 1 on first delivery, incremented by each retry. */
  readonly attempt: number;
  /** Free-form string metadata; dead-lettered messages carry `x-dead-letter-*` entries. */
  readonly headers: Readonly<Record<string, string>>;
}

export type QueueHandler<Payload = unknown> = (message: QueueMessage<Payload>) => Promise<void> | void;

export interface PublishOptions {
  headers?: Record<string, string>;
}

export interface BackoffPolicy {
  /** fixed: always `delayMs`; linear: `delayMs × attempt`; exponential: `delayMs × multiplier^(attempt-1)`. */
  type: 'fixed' | 'linear' | 'exponential';
  /** Delay before the first retry. */
  delayMs: number;
  /** Growth factor per attempt for `exponential`. */
  multiplier: number;
  /** Upper bound of any single delay. */
  maxDelayMs: number;
  /** Randomise each delay within ±`jitter` of itself (0..1), so failing consumers do not retry in lockstep. */
  jitter: number;
}

export interface RetryPolicy {
  /** Total deliveries allowed, the first one included; after the last failure the message is dead-lettered. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export interface DeadLetterPolicy {
  enabled: boolean;
  /** Name of the queue receiving exhausted messages; consumable like any queue. */
  queue: string;
}

/** Effective settings of one named queue, after merging `system.queue` defaults and per-queue overrides. */
export interface QueueSettings {
  concurrency: number;
  retry: RetryPolicy;
  deadLetter: DeadLetterPolicy;
}

export interface ConsumeOptions {
  /** Overrides the queue's configured concurrency for this consumer. */
  concurrency?: number;
}

export interface Subscription {
  /** Stops taking new messages and waits for the handlers already running. */
  close(): Promise<void>;
}

export interface QueueStats {
  queue: string;
  /** Messages waiting in the backend (not yet delivered, or waiting for a retry). */
  pending: number;
  /** Handlers of this service instance running right now. */
  inFlight: number;
  /** Counted by this service instance since it started. */
  completed: number;
  retried: number;
  deadLettered: number;
}

export interface QueueService {
  publish<Payload>(queue: string, payload: Payload, options?: PublishOptions): Promise<string>;
  consume<Payload>(queue: string, handler: QueueHandler<Payload>, options?: ConsumeOptions): Promise<Subscription>;
  stats(queue: string): Promise<QueueStats>;
  /** Closes every subscription (waiting for running handlers) and the backend connections. */
  close(): Promise<void>;
}

export const DEAD_LETTER_HEADERS = {
  from: 'x-dead-letter-from',
  error: 'x-dead-letter-error',
  attempts: 'x-dead-letter-attempts',
  originalId: 'x-dead-letter-original-id',
} as const;
