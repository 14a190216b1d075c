/** The job service contract: cron and interval schedules that publish runs onto queues. */

export interface JobDefinition<Payload = unknown> {
  /** Unique per scheduler; also the `x-job` header of each run message. */
  name: string;
  /** Cron expression, 5 fields (minute precision) or 6 (leading seconds field). Exactly one of cron / intervalMs. */
  cron?: string;
  /** Fixed period between runs, in milliseconds. */
  intervalMs?: number;
  /** IANA zone the cron expression is read in; default: the plugin's `timezone`. */
  timezone?: string;
  /** Queue the runs are published to; default: the plugin's `queue`. */
  queue?: string;
  payload?: Payload;
  /** Let a run start while the previous one is still queued or running. Default false: that tick is skipped. */
  allowOverlap?: boolean;
}

/** What a run message carries (its queue payload). */
export interface JobRun<Payload = unknown> {
  job: string;
  /** ISO time the run was due. */
  scheduledAt: string;
  payload: Payload | undefined;
}

export type JobHandler<Payload = unknown> = (run: JobRun<Payload>, attempt: number) => Promise<void> | void;

export interface JobInfo {
  name: string;
  /** `cron <expression>` or `every <n> ms`. */
  schedule: string;
  queue: string;
  /** Whether this process handles the runs (scheduled with a handler) or only publishes them. */
  handledHere: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  runs: number;
  skipped: number;
  running: boolean;
}

export interface JobService {
  /**
   * Schedules a job. With a handler, this process consumes the job's queue and runs it, and overlapping runs are
   * skipped (unless `allowOverlap`); without one, runs are only published for another consumer, and overlap is not
   * tracked (nothing here knows when they finish).
   */
  schedule<Payload>(definition: JobDefinition<Payload>, handler?: JobHandler<Payload>): Promise<void>;
  unschedule(name: string): Promise<boolean>;
  /** Publishes a run now, outside the schedule; false when skipped because the previous run has not finished. */
  trigger(name: string): Promise<boolean>;
  list(): JobInfo[];
}

export const JOB_HEADER = 'x-job';
