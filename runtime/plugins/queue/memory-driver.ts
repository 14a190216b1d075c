import { randomUUID } from 'node:crypto';
import { QueueCounters } from './counters.js';
import { deliver } from './delivery.js';
import { Fifo } from './fifo.js';
import type { QueueDriverOptions } from './driver-options.js';
import type {
  ConsumeOptions,
  PublishOptions,
  QueueHandler,
  QueueMessage,
  QueueService,
  QueueStats,
  Subscription,
} from './queue-service.js';
import { Slots } from './slots.js';
import { Subscriptions } from './subscriptions.js';

interface Consumer {
  readonly handler: QueueHandler;
  readonly slots: Slots;
  closed: boolean;
}

interface MemoryQueue {
  readonly ready: Fifo<QueueMessage>;
  readonly consumers: Consumer[];
  waitingRetries: number;
  /** Round-robin cursor over consumers. */
  next: number;
}

/** In-process queues: the default driver; nothing survives a restart. */
export class MemoryQueueDriver implements QueueService {
  private readonly queues = new Map<string, MemoryQueue>();
  private readonly counters = new QueueCounters();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly options: QueueDriverOptions) {}

  async publish<Payload>(queue: string, payload: Payload, options: PublishOptions = {}): Promise<string> {
    const id = randomUUID();
    this.enqueue({ id, queue, payload, attempt: 1, headers: { ...options.headers } });
    return id;
  }

  async consume<Payload>(
    queue: string,
    handler: QueueHandler<Payload>,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    const state = this.queue(queue);
    const consumer: Consumer = {
      handler: handler as QueueHandler,
      slots: new Slots(options.concurrency ?? this.options.settingsFor(queue).concurrency),
      closed: false,
    };
    state.consumers.push(consumer);
    this.pump(queue);
    return this.subscriptions.add(async () => {
      consumer.closed = true;
      state.consumers.splice(state.consumers.indexOf(consumer), 1);
      await consumer.slots.drained();
    });
  }

  async stats(queue: string): Promise<QueueStats> {
    const state = this.queue(queue);
    return this.counters.stats(queue, state.ready.length + state.waitingRetries);
  }

  /** Always reachable: the queues live in this process. */
  async ping(): Promise<void> {}

  async close(): Promise<void> {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await this.subscriptions.closeAll();
  }

  private queue(name: string): MemoryQueue {
    let state = this.queues.get(name);
    if (!state) {
      state = { ready: new Fifo(), consumers: [], waitingRetries: 0, next: 0 };
      this.queues.set(name, state);
    }
    return state;
  }

  private enqueue(message: QueueMessage): void {
    this.queue(message.queue).ready.push(message);
    this.pump(message.queue);
  }

  /** Hands ready messages to consumers with a free slot, round-robin. */
  private pump(queue: string): void {
    const state = this.queue(queue);
    while (state.ready.length > 0) {
      const consumer = this.nextFreeConsumer(state);
      if (!consumer) return;
      const message = state.ready.shift() as QueueMessage;
      void consumer.slots.acquire();
      void this.run(consumer, message)
        .catch((error: unknown) => this.options.onBackendError?.(error))
        .finally(() => {
          consumer.slots.release();
          this.pump(queue);
        });
    }
  }

  private nextFreeConsumer(state: MemoryQueue): Consumer | undefined {
    for (let i = 0; i < state.consumers.length; i++) {
      const index = (state.next + i) % state.consumers.length;
      const consumer = state.consumers[index];
      if (consumer && !consumer.closed && consumer.slots.free > 0) {
        state.next = index + 1;
        return consumer;
      }
    }
    return undefined;
  }

  private run(consumer: Consumer, message: QueueMessage): Promise<void> {
    const settings = this.options.settingsFor(message.queue);
    return deliver(
      message,
      consumer.handler,
      settings,
      {
        ack: async () => {},
        retry: async (delayMs) => this.retryLater({ ...message, attempt: message.attempt + 1 }, delayMs),
        deadLetter: async (headers) => {
          await this.publish(settings.deadLetter.queue, message.payload, {
            headers: { ...message.headers, ...headers },
          });
        },
      },
      this.counters,
      this.options.onHandlerError,
    );
  }

  private retryLater(message: QueueMessage, delayMs: number): void {
    const state = this.queue(message.queue);
    state.waitingRetries++;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      state.waitingRetries--;
      this.enqueue(message);
    }, delayMs);
    this.retryTimers.add(timer);
  }
}
