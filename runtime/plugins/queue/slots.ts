/**
 * A counting semaphore: at most `size` handlers of one consumer run at once. `drained()` resolves when nothing runs,
 * which is how closing a subscription waits for in-flight work.
 */
export class Slots {
  private running = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly drainWaiters: Array<() => void> = [];

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${size}`);
  }

  get free(): number {
    return this.size - this.running;
  }

  get busy(): number {
    return this.running;
  }

  async acquire(): Promise<void> {
    if (this.running < this.size) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next) return next();
    this.running--;
    if (this.running === 0) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  /** Resolves once at least one slot is free, without taking it. */
  async whenFree(): Promise<void> {
    if (this.running < this.size) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.release();
  }

  async drained(): Promise<void> {
    if (this.running === 0) return;
    await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
  }
}
