import type { DataEventPayload, PluginContext, PluginModule } from 'objectstack/runtime';

interface NotifierConfig {
  readonly queue?: string;
  readonly watchedObjects?: readonly string[];
}

/** The part of the queue service this plugin uses (the full contract lives in runtime/plugins/queue). */
interface QueueLike {
  publish<Payload>(queue: string, payload: Payload): Promise<string>;
  consume<Payload>(queue: string, handler: (message: { payload: Payload }) => Promise<void>): Promise<{ close(): Promise<void> }>;
}

interface Notification {
  readonly object: string;
  readonly record: unknown;
}

let subscription: { close(): Promise<void> } | undefined;
let unsubscribe: (() => void) | undefined;

const notifier: PluginModule<NotifierConfig> = {
  init(ctx: PluginContext<NotifierConfig>) {
    const queue = ctx.getService<QueueLike>('queue');
    const queueName = ctx.config.queue ?? 'notifications';
    const watched = new Set(ctx.config.watchedObjects ?? []);
    unsubscribe = ctx.events.on<DataEventPayload>('data.afterInsert', async (event) => {
      if (!watched.has(event.object)) return;
      await queue.publish<Notification>(queueName, { object: event.object, record: event.result ?? event.data });
      ctx.events.emit('notifier.queued', { object: event.object });
    });
  },

  async start(ctx: PluginContext<NotifierConfig>) {
    const queue = ctx.getService<QueueLike>('queue');
    subscription = await queue.consume<Notification>(ctx.config.queue ?? 'notifications', async (message) => {
      ctx.logger.info({ object: message.payload.object }, 'notification delivered');
    });
  },

  async destroy() {
    unsubscribe?.();
    unsubscribe = undefined;
    await subscription?.close();
    subscription = undefined;
  },
};

export default notifier;
