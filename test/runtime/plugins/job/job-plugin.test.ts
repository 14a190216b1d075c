import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../../runtime/kernel/kernel.js';
import type { PluginModule } from '../../../../runtime/kernel/types.js';
import type { JobRun, JobService } from '../../../../runtime/plugins/job/index.js';
import type { QueueMessage, QueueService } from '../../../../runtime/plugins/queue/index.js';
import { bootWithBuiltins } from '../support/kernel.js';
import { sleep, waitFor } from '../support/services.js';

/** A plugin of the kind a stack author writes: it schedules its own jobs, with handlers, in init. */
function reportsPlugin(schedule: (jobs: JobService) => Promise<void>) {
  const module: PluginModule = {
    async init(ctx) {
      await schedule(ctx.getService<JobService>('job'));
    },
  };
  return {
    manifest: {
      id: 'com.acme.reports',
      name: 'Reports',
      version: '1.0.0',
      permissions: ['job.schedule'],
      dependencies: { 'com.objectstack.job': '^0.1.0' },
      requiresServices: ['job' as const],
    },
    module,
  };
}

const queueAndJob = [
  { id: 'com.objectstack.queue' as const, config: { jitter: 0 } },
  { id: 'com.objectstack.job' as const },
];

describe('job plugin (booted by the kernel with the queue plugin)', () => {
  let kernel: Kernel | undefined;
  afterEach(async () => {
    await kernel?.stop();
    kernel = undefined;
  });

  it('runs an interval job through its queue, only between start and stop', async () => {
    const runs: Array<{ run: JobRun; at: number }> = [];
    const booted = await bootWithBuiltins({
      builtins: queueAndJob,
      extra: [
        reportsPlugin((jobs) =>
          jobs.schedule({ name: 'digest', intervalMs: 100, payload: { kind: 'daily' } }, (run) => {
            runs.push({ run, at: Date.now() });
          }),
        ),
      ],
    });
    kernel = booted.kernel;
    await waitFor(() => runs.length >= 4, 5000, 'four runs');
    // Due times are exact multiples of the interval (a tick missed under load is skipped, never bunched up)...
    const due = runs.map((entry) => Date.parse(entry.run.scheduledAt));
    for (let i = 1; i < due.length; i++) {
      expect((due[i]! - due[i - 1]!) % 100).toBe(0);
      expect(due[i]! - due[i - 1]!).toBeGreaterThan(0);
    }
    // ...and no run starts before it is due.
    runs.forEach((entry, i) => expect(entry.at).toBeGreaterThanOrEqual(due[i]! - 5));
    expect(runs[0]?.run).toMatchObject({ job: 'digest', payload: { kind: 'daily' } });
    const info = (kernel.getService('job') as JobService).list();
    expect(info).toMatchObject([{ name: 'digest', schedule: 'every 100 ms', queue: 'jobs', handledHere: true }]);
    expect(info[0]?.runs).toBeGreaterThanOrEqual(4);

    await kernel.stop();
    kernel = undefined;
    const afterStop = runs.length;
    await sleep(300);
    expect(runs.length).toBe(afterStop);
  });

  it('skips a tick while the previous run is still going (no overlap by default), and allows it when asked', async () => {
    let running = 0;
    let peak = 0;
    let overlappingPeak = 0;
    let overlappingRunning = 0;
    const booted = await bootWithBuiltins({
      system: { queue: { queues: { parallel: { concurrency: 4 } } } },
      builtins: queueAndJob,
      extra: [
        reportsPlugin(async (jobs) => {
          await jobs.schedule({ name: 'slow', intervalMs: 40 }, async () => {
            running++;
            peak = Math.max(peak, running);
            await sleep(150);
            running--;
          });
          await jobs.schedule(
            { name: 'slow-overlapping', intervalMs: 40, queue: 'parallel', allowOverlap: true },
            async () => {
              overlappingRunning++;
              overlappingPeak = Math.max(overlappingPeak, overlappingRunning);
              await sleep(150);
              overlappingRunning--;
            },
          );
        }),
      ],
    });
    kernel = booted.kernel;
    const jobs = kernel.getService('job') as JobService;
    await waitFor(() => (jobs.list().find((job) => job.name === 'slow')?.skipped ?? 0) >= 3, 5000, 'skipped ticks');
    await waitFor(() => overlappingPeak >= 2, 5000, 'overlapping runs');
    expect(peak).toBe(1);
    expect(booted.logs.length).toBeGreaterThan(0);
    const slow = jobs.list().find((job) => job.name === 'slow');
    expect(slow?.runs).toBeGreaterThanOrEqual(1);
  });

  it('fires a cron job on its second boundaries (6-field expression)', async () => {
    const runs: JobRun[] = [];
    const booted = await bootWithBuiltins({
      builtins: queueAndJob,
      extra: [
        reportsPlugin((jobs) => jobs.schedule({ name: 'tick', cron: '* * * * * *' }, (run) => void runs.push(run))),
      ],
    });
    kernel = booted.kernel;
    const info = (kernel.getService('job') as JobService).list()[0];
    expect(info?.schedule).toBe('cron * * * * * *');
    expect(new Date(info?.nextRunAt ?? 0).getMilliseconds()).toBe(0);
    await waitFor(() => runs.length >= 2, 4000, 'two cron runs');
    const [first, second] = runs.map((run) => Date.parse(run.scheduledAt));
    expect(first! % 1000).toBe(0);
    expect(second! - first!).toBe(1000);
  });

  it('publishes configured jobs (no handler here) onto their queue for another consumer', async () => {
    const booted = await bootWithBuiltins({
      builtins: [
        queueAndJob[0]!,
        {
          id: 'com.objectstack.job',
          config: { jobs: [{ name: 'cleanup', intervalMs: 50, queue: 'maintenance', payload: { older: '30d' } }] },
        },
      ],
    });
    kernel = booted.kernel;
    const received: QueueMessage<JobRun>[] = [];
    await (kernel.getService('queue') as QueueService).consume<JobRun>(
      'maintenance',
      (message) => void received.push(message),
    );
    await waitFor(() => received.length >= 2, 3000, 'two published runs');
    expect(received[0]?.payload).toMatchObject({ job: 'cleanup', payload: { older: '30d' } });
    expect(received[0]?.headers['x-job']).toBe('cleanup');
  });

  it('rejects a bad cron expression with the job name and an example', async () => {
    const booted = await bootWithBuiltins({
      builtins: [
        queueAndJob[0]!,
        { id: 'com.objectstack.job', config: { jobs: [{ name: 'nightly', cron: '61 * * * *' }] } },
      ],
    });
    kernel = booted.kernel;
    expect(kernel.pluginState('com.objectstack.job').failure?.error.message).toMatch(
      /^Job 'nightly': invalid cron expression '61 \* \* \* \*' .*e\.g\. "\*\/5 \* \* \* \*"$/,
    );
  });

  it('rejects a configured job with both cron and intervalMs', async () => {
    const booted = await bootWithBuiltins({
      builtins: [
        queueAndJob[0]!,
        { id: 'com.objectstack.job', config: { jobs: [{ name: 'x', cron: '* * * * *', intervalMs: 5000 }] } },
      ],
    });
    kernel = booted.kernel;
    expect(kernel.pluginState('com.objectstack.job').failure?.error.message).toMatch(
      /invalid config: jobs\.0: give exactly one of `cron`/,
    );
  });
});
