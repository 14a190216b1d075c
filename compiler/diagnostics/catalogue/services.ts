import type { CodeSection } from './entry.js';

/** OS21xx service providers and requirements. */
export const servicesCodes = {
  OS2101: {
    severity: 'error',
    title: 'No plugin provides the data service',
    explanation: 'Every stack needs a data service (the object store). No plugin in `plugins` lists `data` under `providesServices`.',
    example: 'plugins:\n  - id: com.objectstack.cache   # and nothing providing data',
    fix: 'Add the data plugin: `- id: com.objectstack.data`.',
  },
  OS2102: {
    severity: 'warning',
    title: 'Core service not provided',
    explanation:
      'A core service (metadata, auth, cache, queue, job, i18n) has no provider. The stack runs, but features ' +
      'built on that service are unavailable.',
    example: 'plugins:\n  - id: com.objectstack.data   # no cache provider',
    fix: 'Add a plugin providing the service, e.g. `- id: com.objectstack.cache`, or ignore the warning if you do not need it.',
  },
  OS2103: {
    severity: 'error',
    title: 'Required service not provided',
    explanation: 'A plugin lists a service under `requiresServices` and no plugin of the stack provides it.',
    example: 'manifest: { id: com.acme.notifier, requiresServices: [queue] }   # no queue provider',
    fix: 'Add a plugin that provides the service, or remove the requirement.',
  },
  OS2104: {
    severity: 'error',
    title: 'Required service provided by a later plugin',
    explanation:
      'A plugin requires a service whose provider starts after it, so the service is not registered yet when ' +
      'the plugin initialises. Order follows dependencies only.',
    example: 'manifest: { id: com.acme.notifier, requiresServices: [queue] }   # no dependency on the queue plugin',
    fix: "Add the provider to the requiring plugin's `dependencies`, which orders it first.",
  },
  OS2105: {
    severity: 'warning',
    title: 'Service provided by several plugins',
    explanation: 'More than one plugin lists the same service under `providesServices`. The first in plugin order is bound; the others are ignored for that service.',
    example: 'two plugins both with providesServices: [cache]',
    fix: 'Remove one of the providers, or drop the service from one manifest.',
  },
} as const satisfies CodeSection;
