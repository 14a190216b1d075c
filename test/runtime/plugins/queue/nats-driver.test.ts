import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { NatsQueueDriver } from '../../../../runtime/plugins/queue/nats-driver.js';
import type { QueueSettings } from '../../../../runtime/plugins/queue/queue-service.js';
import { NATS_URL, shouldRunAgainst, uniqueSuffix, waitFor } from '../support/services.js';
import { describeQueueConformance } from './conformance.js';

const prefix = `ostest_${uniqueSuffix()}`;

describe.runIf(await shouldRunAgainst('NATS JetStream', NATS_URL))('NATS JetStream queue driver', () => {
  afterAll(async () => {
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
    await nc.close();
  });

  describeQueueConformance('nats', {
    durable: true,
    create: (options) => NatsQueueDriver.connect({ ...options, url: NATS_URL, prefix }),
  });

  it('redelivers a message whose consumer died before acknowledging it, after the ack wait', async () => {
    const settings: QueueSettings = {
      concurrency: 1,
      retry: { maxAttempts: 3, backoff: { type: 'fixed', delayMs: 10, multiplier: 1, maxDelayMs: 10, jitter: 0 } },
      deadLetter: { enabled: true, queue: 'crash.dead' },
    };
    const queue = `crash-${uniqueSuffix()}`;
    const driver = await NatsQueueDriver.connect({
      url: NATS_URL,
      prefix,
      visibilityTimeoutMs: 500,
      settingsFor: () => settings,
    });
    await driver.publish(queue, { invoice: 9 });
    // The dead consumer: it pulled the message on its own connection, then vanished without acknowledging.
    const nc = await connect({ servers: NATS_URL });
    const consumer = await jetstream(nc).consumers.get(`${prefix}_${queue}`, 'workers');
    const taken = await consumer.next({ expires: 1000 });
    expect(taken?.json()).toMatchObject({ payload: { invoice: 9 } });
    await nc.close();

    const received: Array<{ payload: unknown; attempt: number }> = [];
    await driver.consume(
      queue,
      (message) => void received.push({ payload: message.payload, attempt: message.attempt }),
    );
    await waitFor(() => received.length === 1, 5000, 'the redelivered message');
    // JetStream counts the lost delivery: this is the second.
    expect(received).toEqual([{ payload: { invoice: 9 }, attempt: 2 }]);
    await driver.close();
  });
});
