import { describe, expect, it } from 'vitest';
import { resolveStack } from '../../compiler/resolve/index.js';
import type { StackInput } from '../../schemas/index.js';
import type { PluginSpec } from './fixtures.js';
import { CORE, manifest, STACK_FILE, validatedStack } from './fixtures.js';

const account = { name: 'account', fields: { name: { type: 'text' as const }, ssn: { type: 'text' as const } } };

function resolve(root: Partial<StackInput>, plugins: PluginSpec[] = [CORE]) {
  return resolveStack(validatedStack({ objects: [account], root, plugins }));
}

const at = (...path: (string | number)[]) => ({ file: STACK_FILE, path });

describe('system cross-checks', () => {
  it('accepts the defaults', () => {
    const { ir, diagnostics } = resolve({});
    expect(diagnostics).toEqual([]);
    expect(ir!.system.cache.tiers).toHaveLength(1);
    expect(ir!.system.tenancy.strategy).toBe('shared_schema');
  });

  it('checks the objects and fields that system settings name', () => {
    const { diagnostics } = resolve({
      system: {
        search: { indexes: { accounts: { object: 'account', fields: ['name', 'nmae'] }, people: { object: 'persn', fields: ['name'] } } },
        compliance: {
          retention: { policies: [{ object: 'acount', days: 30 }] },
          masking: [{ object: 'account', field: 'ssn' }, { field: 'sn' }, { field: 'ssn', exemptPermissionSets: ['admns'] }],
        },
        encryption: { enabled: true, fields: ['account.ssn', 'account.pin'] },
      },
      permissions: { admins: {} },
    });
    expect(diagnostics.map((d) => [d.code, d.at, d.hint])).toEqual([
      ['OS4001', at('system', 'search', 'indexes', 'accounts', 'fields', 1), 'did you mean "name"?'],
      ['OS4001', at('system', 'search', 'indexes', 'people', 'object'), 'the stack defines: account'],
      ['OS4001', at('system', 'compliance', 'retention', 'policies', 0, 'object'), 'did you mean "account"?'],
      ['OS4001', at('system', 'compliance', 'masking', 1, 'field'), 'did you mean "ssn"?'],
      ['OS4002', at('system', 'compliance', 'masking', 2, 'exemptPermissionSets', 0), 'did you mean "admins"?'],
      ['OS4001', at('system', 'encryption', 'fields', 1), expect.stringContaining("'account' has:")],
    ]);
  });

  it('requires a PostgreSQL datasource for schema or database isolation', () => {
    const tenancy = { enabled: true, strategy: 'isolated_schema' as const };
    expect(resolve({ system: { tenancy } }).diagnostics).toEqual([
      expect.objectContaining({ code: 'OS4003', at: at('system', 'tenancy', 'strategy') }),
    ]);
    const withPostgres = resolve({ system: { tenancy }, datasources: { default: { driver: 'postgres', url: 'postgres://127.0.0.1/app' } } });
    expect(withPostgres.diagnostics).toEqual([]);
  });

  it('warns about settings switched off by another setting', () => {
    const { diagnostics } = resolve({
      system: {
        tracing: { enabled: false, exporter: { type: 'otlp' } },
        encryption: { fields: ['account.ssn'] },
        queue: { driver: 'memory', url: 'nats://127.0.0.1:4222' },
      },
    });
    expect(diagnostics.map((d) => [d.code, d.at, d.message])).toEqual([
      ['OS4004', at('system', 'tracing', 'exporter'), 'The tracing exporter has no effect: tracing.enabled is false'],
      ['OS4004', at('system', 'encryption', 'fields'), 'The encryption fields has no effect: encryption.enabled is false'],
      ['OS4004', at('system', 'queue', 'url'), 'The queue url has no effect: the memory driver connects to nothing'],
    ]);
  });

  it('warns when a configured service has no provider', () => {
    const dataOnly = [{ manifest: manifest('com.test.data', { providesServices: ['data', 'metadata', 'auth', 'job', 'i18n'] }) }];
    const { diagnostics } = resolve(
      {
        system: {
          cache: { tiers: [{ type: 'redis', name: 'shared', url: 'redis://127.0.0.1:6379' }] },
          queue: { driver: 'nats', url: 'nats://127.0.0.1:4222' },
        },
      },
      dataOnly,
    );
    expect(diagnostics.filter((d) => d.code.startsWith('OS4')).map((d) => [d.code, d.at])).toEqual([
      ['OS4005', at('system', 'cache')],
      ['OS4005', at('system', 'queue')],
    ]);
  });
});

describe('permission sets', () => {
  it('checks the objects and object.field keys they grant', () => {
    const { diagnostics } = resolve({
      permissions: {
        sales: {
          objects: { account: { allowRead: true }, acount: { allowEdit: true } },
          fields: { 'account.ssn': { readable: false }, 'account.sn': { readable: false }, 'lead.name': { editable: true } },
        },
      },
    });
    expect(diagnostics.map((d) => [d.code, d.at, d.hint])).toEqual([
      ['OS3101', { ...at('permissions', 'sales', 'objects', 'acount'), target: 'key' }, 'did you mean "account"?'],
      ['OS3102', { ...at('permissions', 'sales', 'fields', 'account.sn'), target: 'key' }, 'did you mean "ssn"?'],
      ['OS3101', { ...at('permissions', 'sales', 'fields', 'lead.name'), target: 'key' }, 'the stack defines: account'],
    ]);
  });
});
