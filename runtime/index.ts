/** The runtime's public API (`objectstack/runtime`): the kernel and the plugin API. */
export * from './kernel/index.js';
