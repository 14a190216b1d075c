import type { PluginContext, PluginModule } from '../../kernel/types.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { CachePluginConfigSchema } from './config.js';
import { createCache } from './create-cache.js';
import type { TieredCache } from './tiered-cache.js';

export type * from './cache-service.js';

const caches = new WeakMap<PluginContext, TieredCache>();

/** `com.objectstack.cache`: provides the `cache` service over the tiers of `system.cache`. */
const cachePlugin: PluginModule = {
  async init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, CachePluginConfigSchema, ctx.config);
    if (!ctx.system.cache.enabled) {
      ctx.logger.info('system.cache.enabled is false: the cache service is not provided');
      return;
    }
    const cache = await createCache(ctx.system.cache, config.namespace, (error) =>
      ctx.logger.error({ err: error }, 'cache backend error'),
    );
    caches.set(ctx, cache);
    ctx.registerService('cache', cache);
    ctx.logger.info(
      { tiers: ctx.system.cache.tiers.map((tier) => `${tier.name}:${tier.type}`) },
      'cache service ready',
    );
  },

  async destroy(ctx) {
    await caches.get(ctx)?.close();
    caches.delete(ctx);
  },

  async healthCheck(ctx) {
    const cache = caches.get(ctx);
    if (!cache) return ctx.system.cache.enabled ? { status: 'unhealthy', message: 'not initialised' } : 'healthy';
    try {
      await cache.has('__health__');
      return 'healthy';
    } catch (error) {
      return { status: 'unhealthy', message: error instanceof Error ? error.message : String(error) };
    }
  },
};

export default cachePlugin;
