import { createHash, randomUUID } from 'node:crypto';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { QueueCounters } from './counters.js';
import { deliver } from './delivery.js';
import type { QueueDriverOptions } from './driver-options.js';
import { decodeEnvelope, encodeEnvelope } from './envelope.js';
import type {
  ConsumeOptions,
  PublishOptions,
  QueueHandler,
  QueueService,
  QueueStats,
  Subscription,
} from './queue-service.js';
import { Slots } from './slots.js';
import { Subscriptions } from './subscriptions.js';

export interface NatsQueueOptions extends QueueDriverOptions {
  url: string;
  /** Prefix of stream names and subjects; every stream of this driver starts with it. */
  prefix?: string;
  /** A delivered message not acknowledged for this long (its consumer died) is redelivered. */
  visibilityTimeoutMs?: number;
  /** How long one pull waits for messages (JetStream's minimum is 1000); bounds how long closing takes. */
  pullExpiresMs?: number;
}

const DURABLE = 'workers';

/**
 * NATS JetStream: one work-queue stream and one durable pull consumer per queue, so unacknowledged work stays in the
 * stream across restarts. Retries are `nak(delay)` (the server redelivers after the backoff); the attempt number is
 * the server's delivery count; exhausted messages are published to the dead-letter queue's stream, then acknowledged.
 */
export class NatsQueueDriver implements QueueService {
  private readonly counters = new QueueCounters();
  private readonly ready = new Map<string, Promise<Consumer>>();
  private readonly subscriptions = new Subscriptions();
  private readonly js: JetStreamClient;
  private readonly prefix: string;
  private readonly visibilityTimeoutMs: number;
  private readonly pullExpiresMs: number;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly options: NatsQueueOptions,
  ) {
    this.js = jetstream(nc);
    this.prefix = options.prefix ?? 'objectstack_queue';
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.pullExpiresMs = Math.max(1000, options.pullExpiresMs ?? 1000);
  }

  static async connect(options: NatsQueueOptions): Promise<NatsQueueDriver> {
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: options.url, name: 'objectstack-queue', timeout: 5000 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Cannot connect to NATS at ${options.url} for the queue service: ${reason}; check that nats-server runs with JetStream (-js) and the url in objectstack.yaml`,
      );
    }
    try {
      return new NatsQueueDriver(nc, await jetstreamManager(nc), options);
    } catch (error) {
      await nc.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`NATS at ${options.url} has no usable JetStream (${reason}); start nats-server with -js`);
    }
  }

  async publish<Payload>(queue: string, payload: Payload, options: PublishOptions = {}): Promise<string> {
    await this.ensureQueue(queue);
    const id = randomUUID();
    await this.js.publish(
      this.subject(queue),
      encodeEnvelope({ id, payload, attempt: 1, headers: { ...options.headers } }),
      {
        msgID: id,
      },
    );
    return id;
  }

  async consume<Payload>(
    queue: string,
    handler: QueueHandler<Payload>,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    const consumer = await this.ensureQueue(queue);
    const slots = new Slots(options.concurrency ?? this.options.settingsFor(queue).concurrency);
    let closed = false;
    const loop = this.pullLoop(queue, consumer, slots, () => closed, handler as QueueHandler);
    return this.subscriptions.add(async () => {
      closed = true;
      await loop;
      await slots.drained();
    });
  }

  async stats(queue: string): Promise<QueueStats> {
    const consumer = await this.ensureQueue(queue);
    const info = await consumer.info();
    const counts = this.counters.of(queue);
    // Messages waiting for a nak delay count as ack-pending on the server; our own running handlers do not wait.
    const pending = Math.max(0, info.num_pending + info.num_ack_pending - counts.inFlight);
    return this.counters.stats(queue, pending);
  }

  /** Round trip to the server, for the health check. */
  async ping(): Promise<void> {
    await this.nc.flush();
  }

  async close(): Promise<void> {
    await this.subscriptions.closeAll();
    await this.nc.close();
  }

  private token(queue: string): string {
    const safe = queue.replace(/[^A-Za-z0-9_-]/g, '_');
    // Two names that differ only in replaced characters must not share a stream.
    return safe === queue ? safe : `${safe}_${createHash('sha1').update(queue).digest('hex').slice(0, 8)}`;
  }

  private streamName(queue: string): string {
    return `${this.prefix}_${this.token(queue)}`;
  }

  private subject(queue: string): string {
    return `${this.prefix}.${this.token(queue)}`;
  }

  private ensureQueue(queue: string): Promise<Consumer> {
    let consumer = this.ready.get(queue);
    if (!consumer) {
      consumer = this.createQueue(queue);
      this.ready.set(queue, consumer);
      consumer.catch(() => this.ready.delete(queue));
    }
    return consumer;
  }

  private async createQueue(queue: string): Promise<Consumer> {
    const stream = this.streamName(queue);
    try {
      await this.jsm.streams.info(stream);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      await this.jsm.streams.add({
        name: stream,
        subjects: [this.subject(queue)],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
      });
    }
    try {
      await this.jsm.consumers.info(stream, DURABLE);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      await this.jsm.consumers.add(stream, {
        durable_name: DURABLE,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: this.visibilityTimeoutMs * 1_000_000,
        // Attempts are counted and dead-lettered by the driver itself, so the server never silently drops one.
        max_deliver: -1,
      });
    }
    return this.js.consumers.get(stream, DURABLE);
  }

  private async pullLoop(
    queue: string,
    consumer: Consumer,
    slots: Slots,
    isClosed: () => boolean,
    handler: QueueHandler,
  ): Promise<void> {
    while (!isClosed()) {
      await slots.whenFree();
      if (isClosed()) return;
      try {
        const batch = await consumer.fetch({ max_messages: slots.free, expires: this.pullExpiresMs });
        for await (const msg of batch) {
          void slots.acquire();
          void this.run(queue, msg, handler)
            // Settling failed (connection lost): the server redelivers after the ack wait.
            .catch((error: unknown) => this.options.onBackendError?.(error))
            .finally(() => slots.release());
        }
      } catch (error) {
        if (isClosed()) return;
        this.options.onBackendError?.(error);
        await new Promise((resolve) => setTimeout(resolve, this.pullExpiresMs));
      }
    }
  }

  private async run(queue: string, msg: JsMsg, handler: QueueHandler): Promise<void> {
    const decoded = decodeEnvelope(msg.string(), queue, String(msg.seq));
    const message = { ...decoded, attempt: msg.info.deliveryCount };
    const settings = this.options.settingsFor(queue);
    await deliver(
      message,
      handler,
      settings,
      {
        // Wait for the server's confirmation, so stats and a restart right after see the message gone.
        ack: async () => void (await msg.ackAck()),
        retry: async (delayMs) => msg.nak(delayMs),
        deadLetter: async (headers) => {
          await this.publish(settings.deadLetter.queue, message.payload, {
            headers: { ...message.headers, ...headers },
          });
          await msg.ackAck();
        },
      },
      this.counters,
      this.options.onHandlerError,
    );
  }
}
