import { compilePattern } from '../kernel/pattern.js';

export interface RecordedEvent {
  readonly event: string;
  readonly payload: unknown;
}

/** Every event seen on a kernel's bus, in emit order, with pattern queries for assertions. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private waiters: { matches: (event: string) => boolean; resolve: (e: RecordedEvent) => void }[] = [];

  record(event: string, payload: unknown): void {
    const entry = { event, payload };
    this.events.push(entry);
    const ready = this.waiters.filter((w) => w.matches(event));
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve(entry);
  }

  /** Payloads of the events matching `pattern` (exact name or wildcard, as in `on`). */
  emitted<Payload = unknown>(pattern: string): Payload[] {
    const matches = compilePattern(pattern);
    return this.events.filter((e) => matches(e.event)).map((e) => e.payload as Payload);
  }

  /**
   * Asserts that an event matching `pattern` (and `predicate`, when given) was emitted; returns its payload.
   * Throws an Error naming the events that were seen, so it works with any test runner.
   */
  expectEvent<Payload = unknown>(pattern: string, predicate?: (payload: Payload) => boolean): Payload {
    const payloads = this.emitted<Payload>(pattern);
    const index = payloads.findIndex((payload) => !predicate || predicate(payload));
    if (index >= 0) return payloads[index] as Payload;
    const seen = [...new Set(this.events.map((e) => e.event))].join(', ') || 'none';
    throw new Error(
      `Expected an event matching '${pattern}'${predicate ? ' that satisfies the predicate' : ''}; events seen: ${seen}`,
    );
  }

  /** Asserts that no event matching `pattern` was emitted. */
  expectNoEvent(pattern: string): void {
    const count = this.emitted(pattern).length;
    if (count > 0) throw new Error(`Expected no event matching '${pattern}', but ${count} were emitted`);
  }

  /** Resolves with the next event matching `pattern` (or one already recorded), rejecting after `timeoutMs`. */
  waitForEvent(pattern: string, timeoutMs = 1000): Promise<RecordedEvent> {
    const matches = compilePattern(pattern);
    const existing = this.events.find((e) => matches(e.event));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, rejectWait) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        rejectWait(new Error(`No event matching '${pattern}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        matches,
        resolve: (entry: RecordedEvent) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.events.length = 0;
  }
}
