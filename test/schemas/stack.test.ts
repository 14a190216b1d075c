import { describe, expect, it } from 'vitest';
import { ObjectFileSchema, ObjectSchema, StackSchema, ValidationRuleSchema } from '../../schemas/index.js';

const manifest = { id: 'com.example.app', name: 'App', version: '1.0.0' };
const account = { fields: { name: { type: 'text' } } };

describe('StackSchema', () => {
  it('needs only a manifest and fills every section', () => {
    const stack = StackSchema.parse({ manifest });
    expect(stack).toMatchObject({ include: [], objects: [], plugins: [], datasources: {}, permissions: {}, server: { port: 3000 } });
    expect(stack.system.logging.level).toBe('info');
  });

  it('normalises objects written as a map into the list form, names taken from the keys, order kept', () => {
    const stack = StackSchema.parse({ manifest, objects: { zebra: account, account } });
    expect(stack.objects.map((object) => object.name)).toEqual(['zebra', 'account']);
    expect(StackSchema.parse({ manifest, objects: [{ name: 'account', ...account }] }).objects[0]?.name).toBe('account');
  });

  it('reports an inner name that disagrees with its map key at that name', () => {
    const result = StackSchema.safeParse({ manifest, objects: { account: { name: 'acount', ...account } } });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['objects', 'account', 'name'] })]);
  });

  it('reports problems inside objects at their own path, for both forms', () => {
    const inMap = StackSchema.safeParse({ manifest, objects: { account: { fields: { name: { type: 'text', lable: 'x' } } } } });
    expect(inMap.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['objects', 'account', 'fields', 'name'] });
    // For the list form Zod reports the union with both branches: the map branch fails at its root (an array is not a
    // map), the list branch carries the located issue. The validator reports the branch whose kind matches.
    const inList = StackSchema.safeParse({ manifest, objects: [{ name: 'account', fields: { name: { type: 'txt' } } }] });
    const union = inList.error?.issues[0];
    expect(union?.code).toBe('invalid_union');
    const branches = union?.code === 'invalid_union' ? union.errors : [];
    expect(branches.map((branch) => branch.map((issue) => [issue.code, issue.path]))).toEqual([
      [['invalid_union', [0, 'fields', 'name', 'type']]],
      [['invalid_type', []]],
    ]);
  });

  it('rejects unknown top-level keys and non-snake_case names', () => {
    expect(StackSchema.safeParse({ manifest, object: [] }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['object'] });
    expect(StackSchema.safeParse({ manifest, objects: { Account: account } }).success).toBe(false);
    expect(StackSchema.safeParse({ manifest, objects: { account: { fields: { 'First Name': { type: 'text' } } } } }).success).toBe(false);
  });

  it('validates the manifest, datasources and permission sets', () => {
    expect(StackSchema.safeParse({ manifest: { ...manifest, version: '1' } }).error?.issues[0]?.path).toEqual(['manifest', 'version']);
    expect(StackSchema.safeParse({ manifest: { ...manifest, namespace: 'Crm' } }).success).toBe(false);
    expect(StackSchema.safeParse({ manifest, datasources: { default: { driver: 'mysql', url: 'x' } } }).success).toBe(false);
    const sets = StackSchema.parse({
      manifest,
      permissions: { reader: { objects: { account: { allowRead: true } }, fields: { 'account.name': { editable: true } } } },
    }).permissions;
    expect(sets.reader).toMatchObject({
      objects: { account: { allowRead: true, allowEdit: false, viewAllRecords: false } },
      fields: { 'account.name': { readable: true, editable: true } },
      assignedTo: { apiKeys: [], jwtClaims: {} },
    });
    expect(StackSchema.safeParse({ manifest, permissions: { reader: { fields: { name: {} } } } }).success).toBe(false);
  });
});

describe('ObjectSchema and ObjectFileSchema', () => {
  it('requires a name inline but not in an object file', () => {
    expect(ObjectSchema.safeParse(account).error?.issues[0]?.path).toEqual(['name']);
    expect(ObjectFileSchema.safeParse(account).success).toBe(true);
  });

  it('accepts indexes, enable flags, ownership, sharing and the extension blocks', () => {
    const parsed = ObjectSchema.parse({
      name: 'account', ...account, nameField: 'name', ownership: 'user', sharingModel: 'private',
      indexes: [{ fields: ['name'], unique: true }], enable: { trackHistory: true }, tenancy: {},
      ai_context: { intent: 'customers' }, ai: { search: { enabled: true } }, actions: { merge: { type: 'record', label: 'Merge' } },
    });
    expect(parsed.enable).toEqual({ trackHistory: true, searchable: true, apiEnabled: true, files: false, feeds: false, activities: false, clone: true });
    expect(parsed.tenancy).toEqual({ enabled: true, field: 'tenant_id' });
    expect(parsed.indexes).toEqual([{ fields: ['name'], unique: true }]);
    expect(parsed.actions?.merge).toEqual({ type: 'record', label: 'Merge' });
  });

  it('rejects an index without fields and an unknown enable flag', () => {
    expect(ObjectSchema.safeParse({ name: 'a', ...account, indexes: [{ fields: [] }] }).success).toBe(false);
    expect(ObjectSchema.safeParse({ name: 'a', ...account, enable: { history: true } }).success).toBe(false);
  });
});

describe('ValidationRuleSchema', () => {
  it.each([
    { type: 'script', name: 'positive', condition: 'amount < 0', message: 'm' },
    { type: 'format', name: 'mail', field: 'email', format: 'email', message: 'm' },
    { type: 'state_machine', name: 'flow', field: 'status', transitions: { open: ['closed'], closed: [] }, message: 'm' },
    { type: 'cross_field', name: 'dates', condition: 'end < start', fields: ['end', 'start'], message: 'm' },
    { type: 'json_schema', name: 'shape', field: 'meta', schema: { type: 'object' }, message: 'm' },
    { type: 'conditional', name: 'eu', when: "region = 'EU'", message: 'm', then: { type: 'script', name: 'consent', condition: 'consent = false', message: 'm' } },
  ])('accepts a $type rule and fills its defaults', (rule) => {
    expect(ValidationRuleSchema.parse(rule)).toMatchObject({ active: true, severity: 'error', events: ['insert', 'update'] });
  });

  it('rejects an unknown rule type and keys of another rule type', () => {
    expect(ValidationRuleSchema.safeParse({ type: 'async', name: 'x', message: 'm' }).error?.issues[0]?.path).toEqual(['type']);
    expect(ValidationRuleSchema.safeParse({ type: 'script', name: 'x', message: 'm', condition: 'a', field: 'b' }).success).toBe(false);
  });
});
