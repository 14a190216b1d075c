import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { connectRedis, duplicateRedis } from '../support/redis-connection.js';
import { QueueCounters } from './counters.js';
import { deliver } from './delivery.js';
import type { QueueDriverOptions } from './driver-options.js';
import { decodeEnvelope, encodeEnvelope } from './envelope.js';
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

export interface RedisQueueOptions extends QueueDriverOptions {
  url: string;
  /** Key prefix; every key of this driver starts with it. */
  prefix?: string;
  /** How long one blocking read waits; also bounds how long closing a subscription takes. */
  blockMs?: number;
  /** A delivered message not acknowledged for this long (its consumer died) is claimed by another consumer. */
  visibilityTimeoutMs?: number;
  /** How often due retries are moved back into their stream. */
  retryPollMs?: number;
}

const GROUP = 'workers';
const FIELD = 'm';

/** Moves due retries from the sorted set into the stream, atomically so that two pollers never duplicate one. */
const PROMOTE_DUE_RETRIES = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 100)
for _, envelope in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', '${FIELD}', envelope)
  redis.call('ZREM', KEYS[1], envelope)
end
return #due`;

type StreamEntry = [id: string, fields: string[]];

/**
 * Redis Streams with one consumer group per queue: a message stays in the stream (and in the group's pending list
 * once read) until its handler settles, so work survives a restart; entries left pending by a dead consumer are taken
 * over with XAUTOCLAIM after `visibilityTimeoutMs`. Retries wait in a sorted set scored by due time.
 */
export class RedisQueueDriver implements QueueService {
  private readonly counters = new QueueCounters();
  private readonly groupsReady = new Set<string>();
  private readonly subscriptions = new Subscriptions();
  private readonly consumerName = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly prefix: string;
  private readonly blockMs: number;
  private readonly visibilityTimeoutMs: number;
  private readonly retryPollMs: number;

  private constructor(
    private readonly redis: Redis,
    private readonly options: RedisQueueOptions,
  ) {
    this.prefix = options.prefix ?? 'objectstack:queue';
    this.blockMs = options.blockMs ?? 1000;
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.retryPollMs = options.retryPollMs ?? 100;
  }

  static async connect(options: RedisQueueOptions): Promise<RedisQueueDriver> {
    return new RedisQueueDriver(
      await connectRedis(options.url, 'the queue service', (error) => options.onBackendError?.(error)),
      options,
    );
  }

  async publish<Payload>(queue: string, payload: Payload, options: PublishOptions = {}): Promise<string> {
    await this.ensureGroup(queue);
    const id = randomUUID();
    await this.redis.xadd(
      this.streamKey(queue),
      '*',
      FIELD,
      encodeEnvelope({ id, payload, attempt: 1, headers: { ...options.headers } }),
    );
    return id;
  }

  async consume<Payload>(
    queue: string,
    handler: QueueHandler<Payload>,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    await this.ensureGroup(queue);
    const reader = await duplicateRedis(this.redis, (error) => this.options.onBackendError?.(error));
    const slots = new Slots(options.concurrency ?? this.options.settingsFor(queue).concurrency);
    let closed = false;
    const run = (id: string, fields: string[]) => {
      void slots.acquire();
      void this.run(queue, id, fields, handler as QueueHandler)
        // Settling failed (connection lost): the entry stays pending and is reclaimed after the visibility timeout.
        .catch((error: unknown) => this.options.onBackendError?.(error))
        .finally(() => slots.release());
    };
    const loop = this.readLoop(queue, reader, slots, () => closed, run);
    const promoter = setInterval(() => void this.promoteDueRetries(queue).catch(() => {}), this.retryPollMs);
    return this.subscriptions.add(async () => {
      closed = true;
      clearInterval(promoter);
      await loop;
      await slots.drained();
      reader.disconnect();
    });
  }

  async stats(queue: string): Promise<QueueStats> {
    const [length, pendingSummary, retries] = (await this.redis
      .multi()
      .xlen(this.streamKey(queue))
      .xpending(this.streamKey(queue), GROUP)
      .zcard(this.retryKey(queue))
      .exec()
      .then((replies) => (replies ?? []).map(([error, value]) => (error ? 0 : value)))) as [number, unknown, number];
    // Entries read by a consumer but not yet acknowledged are in flight somewhere, not waiting.
    const readButUnacked = Array.isArray(pendingSummary) ? Number(pendingSummary[0] ?? 0) : 0;
    return this.counters.stats(queue, Math.max(0, length - readButUnacked) + retries);
  }

  /** Round trip to the server, for the health check. */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.subscriptions.closeAll();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private streamKey(queue: string): string {
    // The braces make the stream and its retry set share a cluster hash slot, and keep `a:retry` from colliding.
    return `${this.prefix}:{${queue}}`;
  }

  private retryKey(queue: string): string {
    return `${this.prefix}:{${queue}}:retry`;
  }

  private async ensureGroup(queue: string): Promise<void> {
    if (this.groupsReady.has(queue)) return;
    try {
      // Start at 0, not $: messages published before the first consumer existed must be delivered too.
      await this.redis.xgroup('CREATE', this.streamKey(queue), GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
    this.groupsReady.add(queue);
  }

  private async readLoop(
    queue: string,
    reader: Redis,
    slots: Slots,
    isClosed: () => boolean,
    run: (id: string, fields: string[]) => void,
  ): Promise<void> {
    const stream = this.streamKey(queue);
    let lastReclaim = 0;
    while (!isClosed()) {
      await slots.whenFree();
      if (isClosed()) return;
      try {
        if (Date.now() - lastReclaim >= this.visibilityTimeoutMs / 2) {
          lastReclaim = Date.now();
          const claimed = await this.reclaimAbandoned(stream, slots.free);
          for (const [id, fields] of claimed) run(id, fields);
          if (slots.free === 0) continue;
        }
        const reply = (await reader.xreadgroup(
          'GROUP',
          GROUP,
          this.consumerName,
          'COUNT',
          slots.free,
          'BLOCK',
          this.blockMs,
          'STREAMS',
          stream,
          '>',
        )) as Array<[string, StreamEntry[]]> | null;
        for (const [, entries] of reply ?? []) for (const [id, fields] of entries) run(id, fields);
      } catch (error) {
        if (isClosed()) return;
        this.options.onBackendError?.(error);
        await new Promise((resolve) => setTimeout(resolve, this.blockMs));
      }
    }
  }

  private async reclaimAbandoned(stream: string, count: number): Promise<StreamEntry[]> {
    const reply = (await this.redis.xautoclaim(
      stream,
      GROUP,
      this.consumerName,
      this.visibilityTimeoutMs,
      '0-0',
      'COUNT',
      count,
    )) as [string, Array<StreamEntry | null>];
    // Entries deleted while pending come back as null (Redis 7): nothing to run.
    return reply[1].filter((entry): entry is StreamEntry => entry !== null && Array.isArray(entry[1]));
  }

  private async run(queue: string, entryId: string, fields: string[], handler: QueueHandler): Promise<void> {
    const stream = this.streamKey(queue);
    const message = decodeEnvelope(fieldValue(fields, FIELD) ?? '', queue, entryId);
    const settings = this.options.settingsFor(queue);
    const settle = (extra: (multi: ReturnType<Redis['multi']>) => void) => {
      const multi = this.redis.multi();
      extra(multi);
      return multi
        .xack(stream, GROUP, entryId)
        .xdel(stream, entryId)
        .exec()
        .then(() => {});
    };
    await deliver(
      message,
      handler,
      settings,
      {
        ack: () => settle(() => {}),
        retry: (delayMs) =>
          settle((multi) =>
            multi.zadd(this.retryKey(queue), Date.now() + delayMs, encodeEnvelope(nextAttempt(message))),
          ),
        deadLetter: async (headers) => {
          await this.ensureGroup(settings.deadLetter.queue);
          const dead = {
            id: randomUUID(),
            payload: message.payload,
            attempt: 1,
            headers: { ...message.headers, ...headers },
          };
          await settle((multi) =>
            multi.xadd(this.streamKey(settings.deadLetter.queue), '*', FIELD, encodeEnvelope(dead)),
          );
        },
      },
      this.counters,
      this.options.onHandlerError,
    );
  }

  private async promoteDueRetries(queue: string): Promise<void> {
    await this.redis.eval(PROMOTE_DUE_RETRIES, 2, this.retryKey(queue), this.streamKey(queue), Date.now());
  }
}

function nextAttempt(message: QueueMessage): QueueMessage {
  return { ...message, attempt: message.attempt + 1 };
}

function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
