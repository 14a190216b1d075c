import type { CodeSection } from './entry.js';

/** OS40xx system configuration. */
export const systemCodes = {
  OS4001: {
    severity: 'error',
    title: 'Redis cache tier without a URL',
    explanation: 'A `system.cache` tier of type redis needs the server address; there is no default.',
    example: 'system:\n  cache:\n    tiers:\n      - { name: shared, type: redis }',
    fix: 'Add `url: ${env:REDIS_URL}` to the tier.',
  },
  OS4002: {
    severity: 'error',
    title: 'Queue driver without a URL',
    explanation: 'The redis and nats queue drivers connect to a server; `system.queue` needs its `url`.',
    example: 'system:\n  queue:\n    driver: nats',
    fix: 'Add `url: ${env:NATS_URL}` (or the redis URL) under `system.queue`, or use the memory driver.',
  },
  OS4003: {
    severity: 'error',
    title: 'Isolated databases without datasources',
    explanation: 'Tenancy strategy `isolated_db` places each tenant in its own database, which needs at least one datasource to derive tenant connections from.',
    example: 'system:\n  tenancy: { strategy: isolated_db }',
    fix: 'Declare a datasource under `datasources`, or choose `shared_schema` / `isolated_schema`.',
  },
  OS4004: {
    severity: 'warning',
    title: 'Setting has no effect',
    explanation: 'A system setting is set but something else turns it off (e.g. tracing options while tracing is disabled), so it is ignored.',
    example: 'system:\n  tracing: { enabled: false, sampling: 0.5 }',
    fix: 'Enable the feature the setting belongs to, or remove the setting.',
  },
  OS4005: {
    severity: 'warning',
    title: 'System section without a service provider',
    explanation: 'A `system` section configures a service (cache, queue, search) that no plugin of the stack provides, so nothing reads it.',
    example: 'system:\n  cache: { tiers: [ … ] }   # no plugin provides cache',
    fix: 'Add the plugin that provides the service, or remove the section.',
  },
} as const satisfies CodeSection;
