import { z } from 'zod';

export const RetryPolicySchema = z
  .strictObject({
    maxAttempts: z.number().int().min(1).default(3).describe('Deliveries before a message is dead-lettered (1 = no retry)'),
    backoff: z
      .strictObject({
        type: z.enum(['fixed', 'linear', 'exponential']).default('exponential').describe('How the delay grows between attempts'),
        delay: z.number().int().min(0).default(1000).describe('First delay, in milliseconds'),
        maxDelay: z.number().int().min(0).default(60_000).describe('Longest delay, in milliseconds'),
      })
      .prefault({})
      .describe('Delay between attempts'),
  })
  .describe('Retry policy for failed messages');

export const DeadLetterSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Move messages that exhausted their retries to a dead-letter queue'),
    queue: z.string().min(1).default('dead_letter').describe('Name of the dead-letter queue'),
  })
  .describe('Dead-letter handling');

const QueueDefinitionSchema = z
  .strictObject({
    concurrency: z.number().int().min(1).default(1).describe('Messages processed in parallel by one instance'),
    retry: RetryPolicySchema.prefault({}),
    deadLetter: DeadLetterSchema.prefault({}),
  })
  .describe('One named queue');

export const QueueConfigSchema = z
  .strictObject({
    driver: z.enum(['memory', 'redis', 'nats']).default('memory').describe('Queue backend: memory (single process), redis, or nats (JetStream)'),
    url: z.string().optional().describe('Server URL for redis or nats, e.g. nats://127.0.0.1:4222 (required unless driver is memory)'),
    queues: z.record(z.string(), QueueDefinitionSchema).default({}).describe('Queues keyed by name'),
    retry: RetryPolicySchema.prefault({}).describe('Default retry policy for queues that set none'),
    deadLetter: DeadLetterSchema.prefault({}).describe('Default dead-letter handling for queues that set none'),
  })
  .refine((queue) => queue.driver === 'memory' || queue.url !== undefined, {
    path: ['url'],
    message: 'the redis and nats queue drivers need a `url`, e.g. nats://127.0.0.1:4222',
  })
  .describe('Queue service');
