import type { CoreServiceName } from './services.js';

/**
 * Every permission a plugin may request in its manifest. The compiler warns about a permission not listed here;
 * the runtime kernel grants a plugin exactly the permissions it declared.
 */
export const PERMISSION_CATALOGUE = {
  'data.read': 'Read records through the data service',
  'data.write': 'Create and update records through the data service',
  'data.delete': 'Delete records through the data service',
  'data.schema': 'Inspect and change the database schema (DDL, migrations)',
  'metadata.read': 'Read object, field and plugin metadata',
  'metadata.write': 'Register or change metadata at runtime',
  'auth.verify': 'Verify credentials and read the authenticated identity',
  'auth.manage': 'Issue and revoke credentials (API keys, sessions)',
  'cache.read': 'Read from the cache service',
  'cache.write': 'Write to and invalidate the cache service',
  'queue.publish': 'Publish messages to queues',
  'queue.consume': 'Consume messages from queues',
  'job.schedule': 'Schedule and cancel background jobs',
  'i18n.read': 'Read translations',
  'http.route': 'Register HTTP routes on the server',
  'events.emit': 'Emit events on the kernel event bus',
  'events.subscribe': 'Subscribe to kernel events',
  'storage.plugin': 'Use a private key-value store scoped to the plugin',
  'storage.files': 'Read and write files through the file-storage service',
  'search.index': 'Index documents and run searches through the search service',
  'audit.read': 'Read the audit log',
  'audit.write': 'Append to the audit log',
  'metrics.read': 'Read runtime metrics',
  'metrics.write': 'Record runtime metrics',
  'notification.send': 'Send notifications (e-mail, push, in-app)',
  'ai.invoke': 'Call AI models through the ai service',
  'network.outbound': 'Open outbound network connections',
  'fs.read': 'Read files from the local file system',
  'fs.write': 'Write files to the local file system',
  'env.read': 'Read process environment variables',
} as const satisfies Record<string, string>;

export type Permission = keyof typeof PERMISSION_CATALOGUE;

export const KNOWN_PERMISSIONS = Object.keys(PERMISSION_CATALOGUE) as Permission[];

/** Permission a plugin must declare to be handed each core service by the kernel. */
export const SERVICE_PERMISSIONS = {
  data: 'data.read',
  metadata: 'metadata.read',
  auth: 'auth.verify',
  cache: 'cache.read',
  queue: 'queue.publish',
  job: 'job.schedule',
  i18n: 'i18n.read',
  storage: 'storage.plugin',
  'file-storage': 'storage.files',
  search: 'search.index',
  automation: 'events.subscribe',
  analytics: 'data.read',
  realtime: 'events.subscribe',
  notification: 'notification.send',
  ai: 'ai.invoke',
  ui: 'metadata.read',
  graphql: 'http.route',
  workflow: 'events.subscribe',
} as const satisfies Record<CoreServiceName, Permission>;

export function isKnownPermission(permission: string): permission is Permission {
  return Object.hasOwn(PERMISSION_CATALOGUE, permission);
}

export function permissionForService(service: CoreServiceName): Permission {
  return SERVICE_PERMISSIONS[service];
}
