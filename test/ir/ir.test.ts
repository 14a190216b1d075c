import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../compiler/ir/freeze.js';
import { FrozenMap } from '../../compiler/ir/frozen-map.js';
import { fitIdentifier } from '../../compiler/resolve/naming.js';
import { resolveStack } from '../../compiler/resolve/index.js';
import type { ObjectDefInput } from '../../schemas/index.js';
import { CORE, manifest, validatedStack } from '../resolve/fixtures.js';

const objects: ObjectDefInput[] = [
  {
    name: 'opportunity',
    ownership: 'user',
    fields: {
      name: { type: 'text', unique: true },
      stage: { type: 'select', options: [{ label: 'New', value: 'new' }], defaultValue: 'new' },
      amount: { type: 'currency', storage: { notNull: true } },
      weighted: { type: 'formula', expression: 'amount * 0.5', returnType: 'currency' },
      account: { type: 'master_detail', reference: 'account' },
      contacts: { type: 'lookup', reference: 'contact', multiple: true },
    },
    indexes: [{ fields: ['stage', 'amount'] }, { name: 'opportunity_by_account', fields: ['account'], unique: false }],
  },
  { name: 'account', ownership: 'none', fields: { name: { type: 'text' } } },
  { name: 'contact', pluralLabel: 'People', fields: { full_name: { type: 'text' } }, tenancy: { field: 'org_id' } },
];

const build = () =>
  resolveStack(validatedStack({ objects, plugins: [CORE, { manifest: manifest('com.test.audit', { dependencies: { 'com.test.core': '^1.0.0' } }) }] }));

describe('StackIR', () => {
  it('sorts objects by name and keeps fields in declaration order', () => {
    const { ir, diagnostics } = build();
    expect(diagnostics).toEqual([]);
    expect(ir!.objects.map((object) => object.name)).toEqual(['account', 'contact', 'opportunity']);
    expect(ir!.objectsByName.get('opportunity')!.fields.map((field) => field.name)).toEqual(['name', 'stage', 'amount', 'weighted', 'account', 'contacts']);
    expect(ir!.plugins.map((plugin) => plugin.id)).toEqual(['com.test.core', 'com.test.audit']);
  });

  it('decides physical storage per field', () => {
    const opportunity = build().ir!.objectsByName.get('opportunity')!;
    const storage = opportunity.fields.map((field) => [field.name, field.storage, field.column, field.joinTable, field.notNull]);
    expect(storage).toEqual([
      ['name', 'column', 'name', null, false],
      ['stage', 'column', 'stage', null, false],
      ['amount', 'column', 'amount', null, true],
      ['weighted', 'virtual', null, null, false],
      ['account', 'column', 'account', null, false],
      ['contacts', 'join_table', null, 'opportunity__contacts', false],
    ]);
    expect(opportunity.fieldsByName.get('account')!.reference).toBe('account');
  });

  it('adds system fields by ownership and tenancy, and default labels', () => {
    const { ir } = build();
    const columns = (name: string) => ir!.objectsByName.get(name)!.systemFields.map((field) => field.column);
    expect(columns('account')).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'updated_by']);
    expect(columns('opportunity')).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id']);
    expect(columns('contact')).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id', 'org_id']);
    const contact = ir!.objectsByName.get('contact')!;
    expect([contact.label, contact.pluralLabel, contact.tenantColumn]).toEqual(['Contact', 'People', 'org_id']);
    const opportunity = ir!.objectsByName.get('opportunity')!;
    expect([opportunity.label, opportunity.pluralLabel, opportunity.fieldsByName.get('full_name')]).toEqual(['Opportunity', 'Opportunities', undefined]);
  });

  it('adds the system tenant column to every object under shared-schema tenancy, unless the object opts out', () => {
    const tenantObjects: ObjectDefInput[] = [
      { name: 'invoice', fields: { number: { type: 'text' } } },
      { name: 'currency', fields: { code: { type: 'text' } }, tenancy: { enabled: false } },
      { name: 'ledger', fields: { tenant_id: { type: 'text' } } },
    ];
    const resolveWith = (strategy: 'shared_schema' | 'isolated_schema') =>
      resolveStack(
        validatedStack({
          objects: tenantObjects,
          plugins: [CORE],
          root: { system: { tenancy: { enabled: true, strategy } }, datasources: { default: { driver: 'postgres', url: 'postgres://127.0.0.1/app' } } },
        }),
      );
    const shared = resolveWith('shared_schema');
    expect(shared.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['OS3010', "Field 'tenant_id' of 'ledger' collides with the system column of the same name"],
    ]);
    const isolated = resolveWith('isolated_schema').ir!;
    expect(isolated.objects.map((object) => object.tenantColumn)).toEqual([null, null, null]);
    const { ir } = resolveStack(validatedStack({ objects: tenantObjects.slice(0, 2), plugins: [CORE], root: { system: { tenancy: { enabled: true } } } }));
    expect(ir!.objects.map((object) => [object.name, object.tenantColumn, object.systemFields.at(-1)!.kind])).toEqual([
      ['currency', null, 'user'],
      ['invoice', 'tenant_id', 'tenant'],
    ]);
  });

  it('names indexes deterministically, field-level unique ones included', () => {
    const opportunity = build().ir!.objectsByName.get('opportunity')!;
    expect(opportunity.indexes.map((index) => [index.name, index.columns, index.unique, index.named, index.declaredBy])).toEqual([
      ['idx_opportunity_stage_amount', ['stage', 'amount'], false, false, 'indexes'],
      ['opportunity_by_account', ['account'], false, true, 'indexes'],
      ['uniq_opportunity_name', ['name'], true, false, 'field'],
    ]);
  });

  it('keeps generated identifiers within PostgreSQL limits, distinct for distinct inputs', () => {
    const long = `idx_${'a'.repeat(40)}_${'b'.repeat(40)}`;
    const other = `${long}x`;
    expect(fitIdentifier(long)).toHaveLength(63);
    expect(fitIdentifier(long)).not.toBe(fitIdentifier(other));
    expect(fitIdentifier('idx_short')).toBe('idx_short');
  });

  it('is deep-frozen: no node, def or lookup table can change', () => {
    const ir = build().ir!;
    const opportunity = ir.objectsByName.get('opportunity')!;
    const stage = opportunity.fieldsByName.get('stage')!;
    for (const node of [ir, ir.objects, opportunity, opportunity.fields, stage, stage.def, ir.system.cache.tiers[0], ir.plugins[0]!.config]) {
      expect(Object.isFrozen(node)).toBe(true);
    }
    expect(() => {
      (opportunity.fields as unknown as unknown[]).push(stage);
    }).toThrow(TypeError);
    expect(() => {
      (stage as { label: string }).label = 'Changed';
    }).toThrow(TypeError);
    expect('set' in ir.objectsByName).toBe(false);
    expect(() => (ir.objectsByName as unknown as Map<string, unknown>).set('x', 1)).toThrow(TypeError);
  });

  it('is frozen by default under tests (NODE_ENV=test), and not when freezing is turned off', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const stack = validatedStack({ objects, plugins: [CORE] });
    const thawed = resolveStack(stack, { freeze: false }).ir!;
    expect(Object.isFrozen(thawed.objects[0]!)).toBe(false);
    expect('set' in thawed.objectsByName).toBe(false);
    expect(Object.isFrozen(resolveStack(stack).ir!.objects[0]!)).toBe(true);
  });

  it('is deterministic: the same input gives a deep-equal IR', () => {
    const first = build().ir!;
    const second = build().ir!;
    expect(second).toEqual(first);
    expect(JSON.stringify(second.objects)).toBe(JSON.stringify(first.objects));
    const changed = resolveStack(validatedStack({ objects: objects.slice(1), plugins: [CORE] })).ir!;
    expect(changed.objectsByName).not.toEqual(first.objectsByName);
  });
});

describe('deepFreeze', () => {
  it('handles shared subtrees and cycles, and freezes values held by a FrozenMap', () => {
    const shared = { value: 1 };
    const node: { shared: typeof shared; self?: unknown; map?: FrozenMap<string, { n: number }> } = { shared };
    node.self = node;
    node.map = new FrozenMap([['a', { n: 1 }]]);
    const frozen = deepFreeze({ a: node, b: [shared] });
    expect(Object.isFrozen(frozen.a.shared)).toBe(true);
    expect(Object.isFrozen(frozen.b)).toBe(true);
    expect(Object.isFrozen(node.map.get('a'))).toBe(true);
  });
});
