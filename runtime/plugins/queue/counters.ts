import type { QueueStats } from './queue-service.js';

type Counts = Omit<QueueStats, 'queue' | 'pending'>;

/** Per-queue counts of what this service instance did; backends report only what is still pending. */
export class QueueCounters {
  private readonly byQueue = new Map<string, Counts>();

  of(queue: string): Counts {
    let counts = this.byQueue.get(queue);
    if (!counts) {
      counts = { inFlight: 0, completed: 0, retried: 0, deadLettered: 0 };
      this.byQueue.set(queue, counts);
    }
    return counts;
  }

  stats(queue: string, pending: number): QueueStats {
    return { queue, pending, ...this.of(queue) };
  }
}
