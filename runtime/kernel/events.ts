import { OperationRejectedError, toError } from './errors.js';
import { compilePattern, type EventMatcher } from './pattern.js';

type Listener = (payload: unknown, event: string) => unknown;

/** One `on()` call. Carries its own delivery queue so an async listener sees its events one at a time, in order. */
export interface Subscription {
  readonly owner: string;
  readonly pattern: string;
  readonly listener: Listener;
  readonly matches: EventMatcher;
  /** Deliveries not yet finished (running + queued); 0 means the next one may run synchronously. */
  pending: number;
  /** Settles when the last queued delivery has finished; never rejects. */
  tail: Promise<void> | undefined;
  /** The event being handled: only one delivery runs at a time, so settle handlers need no closure. */
  current: string;
  readonly onFulfilled: () => void;
  readonly onRejected: (error: unknown) => void;
}

/** Told about every isolated listener failure (the kernel logs it, counts it and emits `plugin.error`). */
export type ListenerErrorHandler = (owner: string, event: string, error: Error) => void;

const MAX_CACHED_EVENT_NAMES = 10_000;
const NO_SUBSCRIPTIONS: readonly Subscription[] = [];

/**
 * The in-process event bus. Emitting looks the event name up in a cache of matching subscriptions (rebuilt only
 * when subscriptions change), so the hot path is one Map lookup and a loop, with no allocation for sync listeners.
 */
export class EventBus {
  private subscriptions: readonly Subscription[] = [];
  private readonly byEvent = new Map<string, readonly Subscription[]>();

  constructor(private readonly onListenerError: ListenerErrorHandler) {}

  subscribe(owner: string, pattern: string, listener: Listener): () => void {
    const subscription = this.createSubscription(owner, pattern, listener);
    this.replace([...this.subscriptions, subscription]);
    return () => this.remove((s) => s === subscription);
  }

  unsubscribe(owner: string, pattern: string, listener: Listener): void {
    const found = this.subscriptions.find((s) => s.owner === owner && s.pattern === pattern && s.listener === listener);
    if (found) this.remove((s) => s === found);
  }

  /** Removes and returns every subscription of one owner (a plugin being destroyed or reloaded). */
  removeOwner(owner: string): Subscription[] {
    const removed = this.subscriptions.filter((s) => s.owner === owner);
    if (removed.length > 0) this.remove((s) => s.owner === owner);
    return removed;
  }

  /** Puts back subscriptions taken by `removeOwner` (a failed reload restoring the previous instance). */
  restore(subscriptions: readonly Subscription[]): void {
    this.replace([...this.subscriptions, ...subscriptions]);
  }

  listenerCount(event: string): number {
    return this.matching(event).length;
  }

  /** Whether anything listens for `event`: the cached lookup `emit` does, so a caller can skip building a payload. */
  hasListeners(event: string): boolean {
    return (this.byEvent.get(event) ?? this.matching(event)).length > 0;
  }

  emit(event: string, payload?: unknown): void {
    const subscriptions = this.byEvent.get(event) ?? this.matching(event);
    for (let i = 0; i < subscriptions.length; i++) this.deliver(subscriptions[i]!, event, payload);
  }

  emitAndWait(event: string, payload?: unknown): Promise<void> {
    const subscriptions = this.byEvent.get(event) ?? this.matching(event);
    let waiting: Promise<void>[] | undefined;
    for (let i = 0; i < subscriptions.length; i++) {
      const done = this.deliver(subscriptions[i]!, event, payload);
      if (done) (waiting ??= []).push(done);
    }
    return waiting ? Promise.all(waiting).then(noop) : Promise.resolve();
  }

  /**
   * Before-hooks run one after another (not through the per-listener queues: concurrent operations must not wait
   * on each other), each seeing the payload the previous one returned. They fail closed: a hook that throws
   * rejects the operation, since a crashed validation hook must not let invalid data through.
   */
  async emitBefore<Payload>(event: string, payload: Payload): Promise<Payload> {
    const subscriptions = this.byEvent.get(event) ?? this.matching(event);
    let current = payload;
    for (const subscription of subscriptions) {
      let result: unknown;
      try {
        result = await subscription.listener(current, event);
      } catch (thrown) {
        const error = toError(thrown);
        if (error instanceof OperationRejectedError) {
          throw new OperationRejectedError(error.message, subscription.owner, { cause: error });
        }
        this.onListenerError(subscription.owner, event, error);
        throw new OperationRejectedError(
          `Plugin '${subscription.owner}' failed in its ${event} hook, so the operation was rejected: ${error.message}`,
          subscription.owner,
          { cause: error },
        );
      }
      if (result !== undefined) current = result as Payload;
    }
    return current;
  }

  /** Starts or queues one delivery; returns a promise only when the listener is (or will be) asynchronous. */
  private deliver(subscription: Subscription, event: string, payload: unknown): Promise<void> | undefined {
    if (subscription.pending === 0) return this.invoke(subscription, event, payload);
    subscription.pending++;
    const tail = subscription.tail!.then(() => {
      subscription.pending--;
      return this.invoke(subscription, event, payload);
    });
    subscription.tail = tail;
    return tail;
  }

  private invoke(subscription: Subscription, event: string, payload: unknown): Promise<void> | undefined {
    let result: unknown;
    subscription.current = event;
    try {
      result = subscription.listener(payload, event);
    } catch (thrown) {
      this.onListenerError(subscription.owner, event, toError(thrown));
      return undefined;
    }
    if (!isThenable(result)) return undefined;
    subscription.pending++;
    const tail = (result as Promise<unknown>).then(subscription.onFulfilled, subscription.onRejected);
    subscription.tail = tail;
    return tail;
  }

  private createSubscription(owner: string, pattern: string, listener: Listener): Subscription {
    const subscription: Subscription = {
      owner,
      pattern,
      listener,
      matches: compilePattern(pattern),
      pending: 0,
      tail: undefined,
      current: '',
      onFulfilled: () => {
        subscription.pending--;
      },
      onRejected: (thrown) => {
        subscription.pending--;
        this.onListenerError(owner, subscription.current, toError(thrown));
      },
    };
    return subscription;
  }

  private matching(event: string): readonly Subscription[] {
    let found: Subscription[] | undefined;
    for (const subscription of this.subscriptions) {
      if (subscription.matches(event)) (found ??= []).push(subscription);
    }
    const result = found ?? NO_SUBSCRIPTIONS;
    // Event names are normally a small fixed set; the bound only protects against names built from data.
    if (this.byEvent.size >= MAX_CACHED_EVENT_NAMES) this.byEvent.clear();
    this.byEvent.set(event, result);
    return result;
  }

  private remove(predicate: (subscription: Subscription) => boolean): void {
    this.replace(this.subscriptions.filter((s) => !predicate(s)));
  }

  /** Copy-on-write, so an emit that is iterating keeps a consistent list while listeners subscribe or leave. */
  private replace(subscriptions: readonly Subscription[]): void {
    this.subscriptions = subscriptions;
    this.byEvent.clear();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function noop(): void {}
