import type { QueueMessage, QueueService, Subscription } from '../queue/queue-service.js';
import {
  JOB_HEADER,
  type JobDefinition,
  type JobHandler,
  type JobInfo,
  type JobRun,
  type JobService,
} from './job-service.js';
import { cronSchedule, intervalSchedule, type Schedule } from './schedule.js';

export interface SchedulerOptions {
  queue: QueueService;
  /** Queue of jobs that name none. */
  defaultQueue: string;
  defaultTimezone: string;
  /** Deliveries a run gets on its queue; a run is over once it succeeded or failed its last attempt. */
  maxAttemptsOf(queue: string): number;
  emit(event: 'job.run' | 'job.skipped', payload: { job: string; scheduledAt: string }): void;
  onError(message: string, error: unknown, job: string): void;
}

interface ScheduledJob {
  readonly definition: JobDefinition;
  readonly handler: JobHandler | undefined;
  readonly schedule: Schedule;
  readonly queue: string;
  timer: NodeJS.Timeout | undefined;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  runs: number;
  skipped: number;
  /** A published run has not finished yet (tracked only for jobs handled here). */
  running: boolean;
}

/** Longest delay setTimeout accepts; a later run re-arms when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Arms one timer per job while started; each due tick publishes a run message to the job's queue, unless the
 * previous run of a non-overlapping job is still going. Runs of jobs with a handler are consumed here.
 */
export class JobScheduler implements JobService {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly consumers = new Map<string, Promise<Subscription>>();
  private started = false;

  constructor(private readonly options: SchedulerOptions) {}

  async schedule<Payload>(definition: JobDefinition<Payload>, handler?: JobHandler<Payload>): Promise<void> {
    if (this.jobs.has(definition.name)) {
      throw new Error(`Job '${definition.name}' is already scheduled; unschedule it first or pick another name`);
    }
    const job: ScheduledJob = {
      definition,
      handler: handler as JobHandler | undefined,
      schedule: scheduleOf(definition, this.options.defaultTimezone),
      queue: definition.queue ?? this.options.defaultQueue,
      timer: undefined,
      nextRunAt: null,
      lastRunAt: null,
      runs: 0,
      skipped: 0,
      running: false,
    };
    this.jobs.set(definition.name, job);
    if (this.started) {
      if (job.handler) await this.consumeQueue(job.queue);
      this.arm(job, new Date());
    }
  }

  async unschedule(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) return false;
    clearTimeout(job.timer);
    this.jobs.delete(name);
    return true;
  }

  async trigger(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job)
      throw new Error(`Job '${name}' is not scheduled; known jobs: ${[...this.jobs.keys()].join(', ') || 'none'}`);
    return this.publishRun(job, new Date());
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((job) => ({
      name: job.definition.name,
      schedule: job.schedule.description,
      queue: job.queue,
      handledHere: job.handler !== undefined,
      nextRunAt: job.nextRunAt?.toISOString() ?? null,
      lastRunAt: job.lastRunAt?.toISOString() ?? null,
      runs: job.runs,
      skipped: job.skipped,
      running: job.running,
    }));
  }

  async start(): Promise<void> {
    this.started = true;
    const queues = new Set([...this.jobs.values()].filter((job) => job.handler).map((job) => job.queue));
    await Promise.all([...queues].map((queue) => this.consumeQueue(queue)));
    const now = new Date();
    for (const job of this.jobs.values()) this.arm(job, now);
  }

  /** Disarms every timer, then waits for the runs being handled here. */
  async stop(): Promise<void> {
    this.started = false;
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      job.timer = undefined;
      job.nextRunAt = null;
    }
    const subscriptions = await Promise.all(this.consumers.values());
    this.consumers.clear();
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
  }

  private arm(job: ScheduledJob, after: Date): void {
    const now = Date.now();
    let next = job.schedule.next(after);
    // Behind schedule (a blocked event loop, a long suspend): skip the missed ticks rather than bursting through them.
    if (next && next.getTime() <= now) next = job.schedule.next(new Date(now));
    job.nextRunAt = next;
    if (!next) return;
    const delay = next.getTime() - now;
    job.timer = setTimeout(
      () => {
        if (!this.started || this.jobs.get(job.definition.name) !== job) return;
        if (delay > MAX_TIMER_MS) return this.arm(job, after);
        void this.publishRun(job, next);
        this.arm(job, next);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  }

  private async publishRun(job: ScheduledJob, due: Date): Promise<boolean> {
    const scheduledAt = due.toISOString();
    const name = job.definition.name;
    if (job.running && !job.definition.allowOverlap) {
      job.skipped++;
      this.options.emit('job.skipped', { job: name, scheduledAt });
      return false;
    }
    if (job.handler) job.running = true;
    job.lastRunAt = due;
    job.runs++;
    const run: JobRun = { job: name, scheduledAt, payload: job.definition.payload };
    try {
      await this.options.queue.publish(job.queue, run, { headers: { [JOB_HEADER]: name } });
      this.options.emit('job.run', { job: name, scheduledAt });
      return true;
    } catch (error) {
      job.running = false;
      this.options.onError(`could not publish a run of job '${name}' to queue '${job.queue}'`, error, name);
      return false;
    }
  }

  private consumeQueue(queue: string): Promise<Subscription> {
    let subscription = this.consumers.get(queue);
    if (!subscription) {
      subscription = this.options.queue.consume<JobRun>(queue, (message) => this.handle(message));
      this.consumers.set(queue, subscription);
    }
    return subscription;
  }

  private async handle(message: QueueMessage<JobRun>): Promise<void> {
    const name = message.headers[JOB_HEADER] ?? message.payload.job;
    const job = this.jobs.get(name);
    if (!job?.handler) throw new Error(`no handler for job '${name}' in this process; schedule it with a handler`);
    try {
      await job.handler(message.payload, message.attempt);
    } catch (error) {
      if (message.attempt >= this.options.maxAttemptsOf(message.queue)) job.running = false;
      throw error;
    }
    job.running = false;
  }
}

function scheduleOf(definition: JobDefinition, defaultTimezone: string): Schedule {
  if ((definition.cron === undefined) === (definition.intervalMs === undefined)) {
    throw new Error(
      `Job '${definition.name}': give exactly one of cron (e.g. "*/5 * * * *") or intervalMs (e.g. 60000)`,
    );
  }
  if (definition.cron !== undefined) {
    return cronSchedule(definition.name, definition.cron, definition.timezone ?? defaultTimezone);
  }
  const intervalMs = definition.intervalMs as number;
  if (!Number.isFinite(intervalMs) || intervalMs < 10) {
    throw new Error(`Job '${definition.name}': intervalMs must be at least 10, got ${intervalMs}`);
  }
  return intervalSchedule(intervalMs);
}
