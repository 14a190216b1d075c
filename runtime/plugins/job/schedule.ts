import { Cron } from 'croner';

/** When a job is next due; one per job, built from its cron expression or its interval. */
export interface Schedule {
  readonly description: string;
  next(after: Date): Date | null;
}

export function cronSchedule(jobName: string, expression: string, timezone: string): Schedule {
  let cron: Cron;
  try {
    cron = new Cron(expression, { timezone, paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Job '${jobName}': invalid cron expression '${expression}' (${reason}); use 5 fields "min hour day month weekday" or 6 with leading seconds, e.g. "*/5 * * * *"`,
    );
  }
  return { description: `cron ${expression}`, next: (after) => cron.nextRun(after) };
}

export function intervalSchedule(intervalMs: number): Schedule {
  return { description: `every ${intervalMs} ms`, next: (after) => new Date(after.getTime() + intervalMs) };
}
