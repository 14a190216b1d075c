export { createKernel, Kernel, KERNEL_OWNER } from './kernel.js';
export { installSignalHandlers, type SignalOptions, type SignalTarget } from './signals.js';
export { KernelError, OperationRejectedError, reject, isKernelError, type RuntimeCode } from './errors.js';
export { MemoryStorageBackend } from './storage.js';
export * from './types.js';
export { PLUGIN_ROUTE_PREFIX, pluginRoutePrefix, type RouteMatch } from './routes.js';
