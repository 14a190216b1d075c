import type { CodeSection } from './entry.js';

/** OS40xx system configuration. */
export const systemCodes = {
  OS4001: {
    severity: 'error',
    title: 'System setting names an unknown object or field',
    explanation:
      'A `system` setting that applies to objects (search indexes, retention policies, masking rules, encrypted ' +
      'fields) names an object or a field the stack does not define, so it would never apply.',
    example: 'system:\n  search:\n    indexes:\n      accounts: { object: acount, fields: [name] }',
    fix: 'Use an object and field the stack defines (the hint suggests the closest one).',
  },
  OS4002: {
    severity: 'error',
    title: 'Unknown permission set',
    explanation: 'A `system` setting names a permission set (e.g. a masking exemption) that is not declared under `permissions`.',
    example: 'system:\n  compliance:\n    masking:\n      - { field: ssn, exemptPermissionSets: [admins] }',
    fix: 'Declare the permission set under `permissions`, or correct the name.',
  },
  OS4003: {
    severity: 'error',
    title: 'Tenancy strategy needs a PostgreSQL datasource',
    explanation:
      'The isolated_schema and isolated_db tenancy strategies create a schema or a database per tenant, which the ' +
      'embedded SQLite default cannot do: they need a PostgreSQL datasource.',
    example: 'system:\n  tenancy: { enabled: true, strategy: isolated_schema }   # no datasources',
    fix: 'Declare a PostgreSQL datasource (e.g. `datasources: { default: { driver: postgres, url: ${env:DATABASE_URL} } }`), or use shared_schema.',
  },
  OS4004: {
    severity: 'warning',
    title: 'Setting has no effect',
    explanation: 'A system setting is set, but another setting turns its feature off (e.g. a tracing exporter while tracing is disabled), so it is ignored.',
    example: 'system:\n  tracing: { enabled: false, exporter: { type: otlp } }',
    fix: 'Enable the feature the setting belongs to, or remove the setting.',
  },
  OS4005: {
    severity: 'warning',
    title: 'System section without a service provider',
    explanation: 'A `system` section configures a service (cache, queue, search) that no plugin of the stack provides, so nothing reads it.',
    example: 'system:\n  queue: { driver: nats, url: nats://127.0.0.1:4222 }   # no plugin provides queue',
    fix: 'Add the plugin that provides the service, or remove the section.',
  },
} as const satisfies CodeSection;
