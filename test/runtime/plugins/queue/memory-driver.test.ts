import { MemoryQueueDriver } from '../../../../runtime/plugins/queue/memory-driver.js';
import { describeQueueConformance } from './conformance.js';

describeQueueConformance('memory', {
  durable: false,
  create: async (options) => new MemoryQueueDriver(options),
});
