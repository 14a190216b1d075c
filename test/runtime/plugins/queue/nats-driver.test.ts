import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe } from 'vitest';
import { NatsQueueDriver } from '../../../../runtime/plugins/queue/nats-driver.js';
import { NATS_URL, shouldRunAgainst, uniqueSuffix } from '../support/services.js';
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
});
