import { afterEach, describe, expect, it } from 'vitest';
import jobPlugin from '../../../../runtime/plugins/job/index.js';
import type { JobService } from '../../../../runtime/plugins/job/index.js';
import { readBuiltinManifest } from '../../../../runtime/plugins/builtins.js';
import { MemoryQueueDriver } from '../../../../runtime/plugins/queue/memory-driver.js';
import type { QueueSettings } from '../../../../runtime/plugins/queue/queue-service.js';
import { createTestContext, type TestContext } from '../../../../runtime/testing/index.js';
import { sleep } from '../support/services.js';

const settings: QueueSettings = {
  concurrency: 1,
  retry: { maxAttempts: 1, backoff: { type: 'fixed', delayMs: 0, multiplier: 1, maxDelayMs: 0, jitter: 0 } },
  deadLetter: { enabled: false, queue: 'dead' },
};

describe('job plugin through the testing kit (as a plugin author would test it)', () => {
  let ctx: TestContext | undefined;
  let queue: MemoryQueueDriver | undefined;
  afterEach(async () => {
    await ctx?.dispose();
    await queue?.close();
  });

  it('emits job.run per tick and job.skipped while a run is unfinished', async () => {
    queue = new MemoryQueueDriver({ settingsFor: () => settings });
    ctx = await createTestContext({
      plugin: jobPlugin,
      // The queue plugin is not registered here: the kit's host provides its service instead (the kit's boot check
      // does not yet count host services as provided, hence no requiresServices either).
      manifest: { ...(await readBuiltinManifest('com.objectstack.job')), dependencies: {}, requiresServices: [] },
      services: { queue },
    });
    const jobs = ctx.getService<JobService>('job');
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    await jobs.schedule({ name: 'sync', intervalMs: 30 }, () => blocked);

    const run = await ctx.waitForEvent('job.run', 2000);
    expect(run.payload).toMatchObject({ job: 'sync' });
    await ctx.waitForEvent('job.skipped', 2000);
    release();
    await sleep(100);
    expect(ctx.emitted('job.run').length).toBeGreaterThanOrEqual(2);
    const info = jobs.list()[0];
    expect(info?.skipped).toBeGreaterThanOrEqual(1);
    expect(info?.runs).toBe(ctx.emitted('job.run').length);
  });
});
