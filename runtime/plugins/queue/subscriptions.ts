import type { Subscription } from './queue-service.js';

/** The open subscriptions of one driver, so that closing the driver closes each of them exactly once. */
export class Subscriptions {
  private readonly open = new Set<Subscription>();

  /** Wraps `stop` (which must wait for running handlers) as a subscription that closes once. */
  add(stop: () => Promise<void>): Subscription {
    let closing: Promise<void> | undefined;
    const subscription: Subscription = {
      close: () => {
        closing ??= (async () => {
          this.open.delete(subscription);
          await stop();
        })();
        return closing;
      },
    };
    this.open.add(subscription);
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
  }
}
