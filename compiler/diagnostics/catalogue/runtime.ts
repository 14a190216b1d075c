import type { CodeSection } from './entry.js';

/** OS70xx runtime kernel (boot, services, permissions, plugins). */
export const runtimeCodes = {
  OS7001: {
    severity: 'error',
    title: 'Plugin dependency cycle',
    explanation:
      'Plugins depend on each other in a circle, so no plugin in the circle can be initialised first. The kernel refuses to boot.',
    example: "kernel.register({ manifest: { id: 'com.acme.a', dependencies: { 'com.acme.b': '*' } }, ... }) // and b depends on a",
    fix: 'Remove one of the dependencies in the cycle; move the shared part into a third plugin both can depend on.',
  },
  OS7002: {
    severity: 'error',
    title: 'Missing plugin dependency',
    explanation: 'A plugin lists a dependency that is not registered with the kernel, so it could not work.',
    example: "manifest: { id: 'com.acme.job', dependencies: { 'com.acme.queue': '^1.0.0' } } // queue not registered",
    fix: 'Register the missing plugin (add it to the stack\'s plugins), or remove the dependency from the manifest.',
  },
  OS7003: {
    severity: 'error',
    title: 'Plugin dependency version conflict',
    explanation: 'A dependency is registered, but its version does not satisfy the semver range the dependent asks for.',
    example: "dependencies: { 'com.acme.queue': '^2.0.0' } // registered com.acme.queue is 1.4.0",
    fix: 'Use a version of the dependency inside the range, or widen the range in the dependent plugin\'s manifest.',
  },
  OS7004: {
    severity: 'error',
    title: 'Required service not provided',
    explanation: 'A plugin lists a service in requiresServices that no registered plugin provides.',
    example: "manifest: { id: 'com.acme.job', requiresServices: ['queue'] } // no plugin provides queue",
    fix: 'Register a plugin whose manifest lists the service in providesServices, or drop the requirement.',
  },
  OS7005: {
    severity: 'error',
    title: 'Duplicate plugin id',
    explanation: 'Two registrations use the same plugin id; ids identify plugins in dependencies, logs and storage.',
    example: "kernel.register({ manifest: { id: 'com.acme.x', ... } }) // twice",
    fix: 'Register each plugin once, or give the second one its own id.',
  },
  OS7006: {
    severity: 'error',
    title: 'Service not registered',
    explanation:
      'Code asked for a service no plugin has registered (yet). Either no plugin provides it, or its provider failed or has not run init.',
    example: "ctx.getService('cache') // no cache plugin in the stack",
    fix: 'Add the providing plugin to the stack and declare it as a dependency so it initialises first.',
  },
  OS7007: {
    severity: 'error',
    title: 'Permission denied',
    explanation: "A plugin asked for a service its manifest's permissions do not allow.",
    example: "manifest: { id: 'com.acme.x', permissions: [] } // then ctx.getService('data')",
    fix: "Add the named permission to the plugin's manifest permissions.",
  },
  OS7008: {
    severity: 'error',
    title: 'Boot aborted: a required service failed',
    explanation:
      'A plugin that provides a required service (such as data) failed during init or start. The stack cannot run without it, so the kernel stops instead of running degraded.',
    example: "com.objectstack.data throws in init: connect ECONNREFUSED 127.0.0.1:5432",
    fix: 'Fix the cause named in the message (often a database URL or credentials), then start again.',
  },
  OS7009: {
    severity: 'error',
    title: 'Service already registered',
    explanation: 'Two plugins registered the same service name; a name resolves to exactly one implementation.',
    example: "ctx.registerService('cache', impl) // in two plugins",
    fix: 'Keep one provider, or register the second implementation under its own name.',
  },
  OS7010: {
    severity: 'error',
    title: 'Invalid plugin manifest',
    explanation: 'A manifest handed to the kernel does not match the plugin manifest schema.',
    example: "kernel.register({ manifest: { id: 'x', version: 'one' }, module })",
    fix: 'Correct the manifest fields named in the message (id reverse-DNS, version x.y.z, ranges valid semver).',
  },
  OS7011: {
    severity: 'error',
    title: 'Invalid plugin module',
    explanation:
      'A plugin module does not export an init function (as a default export object or as a named export), so the kernel cannot run it.',
    example: 'export const start = () => {} // no init',
    fix: 'Export init(ctx) (and optionally start, destroy, healthCheck) from the module, or a default object with them.',
  },
  OS7012: {
    severity: 'error',
    title: 'Plugin reload failed',
    explanation: 'A plugin could not be reloaded; the previous instance keeps running.',
    example: 'a syntax error in the plugin file during objectstack dev',
    fix: 'Fix the error named in the message and save again.',
  },
  OS7013: {
    severity: 'error',
    title: 'Operation rejected by a hook',
    explanation: 'A before-hook (for example on data.beforeInsert) rejected the operation, or failed and so rejected it.',
    example: "ctx.events.on('data.beforeInsert', () => reject('amount must be positive'))",
    fix: 'Change the input so the hook accepts it; the message says which plugin rejected it and why.',
  },
  OS7014: {
    severity: 'error',
    title: 'Unknown plugin',
    explanation: 'An operation named a plugin id that is not registered with the kernel.',
    example: "kernel.reloadPlugin('com.acme.missing')",
    fix: 'Use the id from the plugin manifest (see kernel.health() for registered ids).',
  },
  OS7015: {
    severity: 'warning',
    title: 'Shutdown timed out waiting for in-flight work',
    explanation:
      'Graceful shutdown waits a bounded time for in-flight work (requests, jobs); some was still running when the time ran out.',
    example: 'a request taking 30 s while shutdownTimeoutMs is 10 000',
    fix: 'Raise the shutdown timeout or make long-running work cancellable.',
  },
  OS7016: {
    severity: 'warning',
    title: 'Health check timed out',
    explanation: "A plugin's healthCheck() did not answer within the timeout, so the plugin is reported unhealthy.",
    example: 'healthCheck() awaiting a database ping that hangs',
    fix: 'Make the health check answer quickly (bounded pings), or raise healthCheckTimeoutMs.',
  },
  OS7017: {
    severity: 'error',
    title: 'Kernel is not in the right state',
    explanation: 'An operation was called in a kernel state that does not allow it, e.g. registering a plugin after boot.',
    example: 'await kernel.start(); kernel.register(...)',
    fix: 'Register every plugin before kernel.start(); create a new kernel to start again after stop.',
  },
  OS7018: {
    severity: 'error',
    title: 'Invalid system configuration',
    explanation: 'The system section handed to the kernel does not match the system schema.',
    example: "createKernel({ system: { logging: { level: 'loud' } } })",
    fix: 'Correct the setting named in the message; `objectstack validate` shows it located in the stack file.',
  },
  OS7019: {
    severity: 'error',
    title: 'Missing required plugin setting',
    explanation: "A plugin's manifest marks a configuration property as required, but the registration did not set it.",
    example: "configuration: { properties: { url: { type: string, required: true } } } // config: {}",
    fix: "Set the property in the plugin entry's config.",
  },
} as const satisfies CodeSection;
