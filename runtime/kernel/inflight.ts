/**
 * Counts work the shutdown must wait for: HTTP requests (`begin()` in onRequest, the returned `done` in
 * onResponse), jobs, or any promise (`track`). `drain` waits for the count to reach zero, bounded.
 */
export class InFlightTracker {
  private count = 0;
  private idleWaiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** Marks one unit of work as started; call the returned function (once; extra calls are ignored) when it ends. */
  begin(): () => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.count === 0) this.wakeIdleWaiters();
    };
  }

  track<T>(work: Promise<T>): Promise<T> {
    const done = this.begin();
    return work.finally(done);
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
