// A local plugin: listens to data events, keeps counts in the cache service, remembers how often it started in its
// own storage (kept in the database, so it survives restarts), and mounts an HTTP route.
// Only type imports: `objectstack serve` transpiles this one file and imports it as JavaScript.
import type { DataEventPayload, PluginModule } from 'objectstack/runtime';
import type { CacheService } from 'objectstack/runtime/plugins/cache';

interface HelloConfig {
  greeting: string;
}

/** Cache key of one object's insert count. */
const countKey = (object: string): string => `hello:inserts:${object}`;

const hello: PluginModule<HelloConfig> = {
  init(ctx) {
    ctx.events.on<DataEventPayload>('data.afterInsert', async ({ object }) => {
      // Looked up on use, not kept: after a reload of the cache plugin this is the new instance.
      const cache = ctx.getService<CacheService>('cache');
      await cache.set(countKey(object), ((await cache.get<number>(countKey(object))) ?? 0) + 1);
    });
    // Served at GET /api/v1/plugins/hello/counts (the prefix comes from the plugin id's last segment).
    ctx.http.route({
      method: 'GET',
      url: '/counts',
      handler: async () => {
        const cache = ctx.getService<CacheService>('cache');
        const inserts: Record<string, number> = {};
        for (const object of ctx.objects.list()) inserts[object.name] = (await cache.get<number>(countKey(object.name))) ?? 0;
        return { message: `${ctx.config.greeting} from the hello plugin`, inserts, starts: (await ctx.storage.get<number>('starts')) ?? 0 };
      },
    });
  },

  async start(ctx) {
    await ctx.storage.set('starts', ((await ctx.storage.get<number>('starts')) ?? 0) + 1);
  },
};

export default hello;
