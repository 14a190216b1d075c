import { describe, expect, it } from 'vitest';
import { resolveStack } from '../../compiler/resolve/index.js';
import type { ObjectDefInput } from '../../schemas/index.js';
import type { ObjectSpec, StackSpec } from './fixtures.js';
import { STACK_FILE, validatedStack, withCode } from './fixtures.js';

const account: ObjectDefInput = {
  name: 'account',
  fields: { name: { type: 'text' }, email: { type: 'email' }, industry: { type: 'select', options: [{ label: 'Tech', value: 'tech' }] } },
};

function resolve(objects: (ObjectSpec | ObjectDefInput)[], root: StackSpec['root'] = {}) {
  return resolveStack(validatedStack({ objects, root }));
}

/** Where the object at `index` of the stack's inline `objects` declares something. */
const inline = (index: number, ...path: (string | number)[]) => ({ file: STACK_FILE, path: ['objects', index, ...path] });

describe('references', () => {
  it('reports a lookup to an unknown object with a did-you-mean', () => {
    const contact = { name: 'contact', fields: { account: { type: 'lookup', reference: 'acount' } } } satisfies ObjectDefInput;
    const { diagnostics, ir } = resolve([account, contact]);
    expect(ir).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'OS3001',
        message: "lookup field 'account' of 'contact' references unknown object 'acount'",
        at: inline(1, 'fields', 'account', 'reference'),
        hint: 'did you mean "account"?',
      },
    ]);
  });

  it('checks master_detail, tree, record and summary targets', () => {
    const order = {
      name: 'order',
      fields: {
        customer: { type: 'master_detail', reference: 'customer' },
        parent: { type: 'tree' },
        about: { type: 'record', references: ['order', 'ticket'] },
        total: { type: 'summary', summaryOperations: { object: 'order_line', field: 'amout', function: 'sum' } },
        lines: { type: 'summary', summaryOperations: { object: 'order_lines', field: 'amount', function: 'count' } },
      },
    } satisfies ObjectDefInput;
    const line = { name: 'order_line', fields: { amount: { type: 'currency' }, order: { type: 'master_detail', reference: 'order' } } } satisfies ObjectDefInput;
    const { diagnostics } = resolve([order, line]);
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([
      ['OS3001', inline(0, 'fields', 'customer', 'reference')],
      ['OS3001', inline(0, 'fields', 'about', 'references', 1)],
      ['OS3016', inline(0, 'fields', 'total', 'summaryOperations', 'field')],
      ['OS3001', inline(0, 'fields', 'lines', 'summaryOperations', 'object')],
    ]);
    expect(withCode(diagnostics, 'OS3016')[0]!.hint).toBe('did you mean "amount"?');
  });

  it('resolves tree fields to their own object and user fields to the user object only when the stack has one', () => {
    const task = { name: 'task', fields: { parent: { type: 'tree' }, assignee: { type: 'user' } } } satisfies ObjectDefInput;
    const without = resolve([task]).ir!.objectsByName.get('task')!;
    expect(without.fieldsByName.get('parent')!.reference).toBe('task');
    expect(without.fieldsByName.get('assignee')!.reference).toBeNull();
    const withUser = resolve([task, { name: 'user', fields: { name: { type: 'text' } } }]).ir!.objectsByName.get('task')!;
    expect(withUser.fieldsByName.get('assignee')!.reference).toBe('user');
  });

  it('reports an unknown datasource', () => {
    const { diagnostics } = resolve([{ ...account, datasource: 'analytcs' }], {
      datasources: { analytics: { driver: 'postgres', url: 'postgres://127.0.0.1/a' } },
    });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'OS3015', at: inline(0, 'datasource'), hint: 'did you mean "analytics"?' })]);
  });
});

describe('object checks', () => {
  it('checks index fields: unknown, and fields without a column', () => {
    const { diagnostics } = resolve([
      {
        ...account,
        fields: { ...account.fields, label: { type: 'formula', expression: "name & ' ' & email" } },
        indexes: [{ fields: ['emial', 'created_at'] }, { fields: ['label'] }],
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.at, d.hint])).toEqual([
      ['OS3002', inline(0, 'indexes', 0, 'fields', 0), 'did you mean "email"?'],
      ['OS3003', inline(0, 'indexes', 1, 'fields', 0), 'index the stored fields the value is computed from'],
    ]);
  });

  it('checks nameField', () => {
    const { diagnostics } = resolve([{ ...account, nameField: 'nme' }]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'OS3004', at: inline(0, 'nameField'), hint: 'did you mean "name"?' })]);
    expect(resolve([account]).ir!.objects[0]!.nameField).toBe('name');
  });

  it('checks formula identifiers, ignoring functions, literals and constants', () => {
    const expression = "IF(quantty > 0, quantity * unit_price, 0) & 'each' & TODAY() & amount.currency & discount";
    const line = {
      name: 'line',
      fields: { quantity: { type: 'number' }, unit_price: { type: 'currency' }, amount: { type: 'lookup', reference: 'line' }, total: { type: 'formula', expression } },
    } satisfies ObjectDefInput;
    const { diagnostics } = resolve([line]);
    expect(diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['OS3005', "Formula 'total' of 'line' uses 'quantty', which is not a field of the object", 'did you mean "quantity"?'],
      ['OS3005', "Formula 'total' of 'line' uses 'discount', which is not a field of the object", "quote literal text ('like this'), or declare the field"],
    ]);
    expect(diagnostics[0]!.at).toEqual(inline(0, 'fields', 'total', 'expression'));
  });

  it('checks select, radio and multiselect defaults against the options', () => {
    const options = [{ label: 'Open', value: 'open' }, { label: 'Closed', value: 'closed' }];
    const ticket = {
      name: 'ticket',
      fields: {
        status: { type: 'select', options, defaultValue: 'opne' },
        kind: { type: 'radio', options, defaultValue: 'open' },
        labels: { type: 'multiselect', options, defaultValue: ['open', 'archived'] },
      },
    } satisfies ObjectDefInput;
    const { diagnostics } = resolve([ticket]);
    expect(diagnostics).toEqual([
      {
        code: 'OS3006',
        message: "Default value 'opne' of select field 'status' is not one of its options",
        at: inline(0, 'fields', 'status', 'defaultValue'),
        hint: 'did you mean "open"?',
      },
      expect.objectContaining({ code: 'OS3006', at: inline(0, 'fields', 'labels', 'defaultValue', 1), hint: 'use one of: open, closed' }),
    ]);
  });

  it('rejects a field named like a system column, and renamedFrom naming a field that still exists', () => {
    const { diagnostics } = resolve([
      {
        name: 'doc',
        fields: {
          created_at: { type: 'datetime' },
          title: { type: 'text', renamedFrom: 'name' },
          heading: { type: 'text', renamedFrom: 'name' },
          name: { type: 'text' },
        },
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([
      ['OS3010', { ...inline(0, 'fields', 'created_at'), target: 'key' }],
      ['OS3011', inline(0, 'fields', 'title', 'renamedFrom')],
      ['OS3011', inline(0, 'fields', 'heading', 'renamedFrom')],
      ['OS3014', inline(0, 'fields', 'heading', 'renamedFrom')],
    ]);
  });

  it('checks object renames: the old name must be gone and claimed once', () => {
    const { diagnostics, ir } = resolve([
      { ...account, name: 'client' },
      { ...account, name: 'customer', renamedFrom: 'client' },
      { ...account, name: 'buyer', renamedFrom: 'client' },
    ]);
    expect(ir).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([
      ['OS3017', inline(1, 'renamedFrom')],
      ['OS3017', inline(2, 'renamedFrom')],
      ['OS3018', inline(2, 'renamedFrom')],
    ]);
    const renamed = resolve([{ ...account, name: 'customer', renamedFrom: 'client' }]);
    expect(renamed.diagnostics).toEqual([]);
    expect(renamed.ir?.objectsByName.get('customer')?.renamedFrom).toBe('client');
  });

  it('enforces the namespace prefix', () => {
    const { diagnostics } = resolve([account, { ...account, name: 'crm_contact' }], {
      manifest: { id: 'com.test.crm', name: 'CRM', version: '1.0.0', namespace: 'crm' },
    });
    expect(diagnostics).toEqual([
      {
        code: 'OS3007',
        message: "Object 'account' does not start with the stack namespace 'crm_'",
        at: inline(0, 'name'),
        hint: "rename it to 'crm_account' (the manifest sets namespace: crm)",
      },
    ]);
  });
});

describe('names across objects and files', () => {
  it('reports an object defined in two files, with both locations', () => {
    const { diagnostics } = resolve([
      { def: account, file: '/app/objects/account.object.yml' },
      { def: { ...account, label: 'Legacy' }, file: '/app/objects/legacy/account.object.yml' },
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'OS3008',
        message: "Object 'account' is defined twice",
        at: { file: '/app/objects/legacy/account.object.yml', path: ['name'] },
        hint: 'rename one of them, or delete the duplicate',
        related: [{ at: { file: '/app/objects/account.object.yml', path: ['name'] }, message: "'account' is first defined here" }],
      },
    ]);
  });

  it('reports duplicate index names across objects, and duplicate index columns within one', () => {
    const { diagnostics } = resolve([
      { ...account, indexes: [{ name: 'by_name', fields: ['name'] }, { fields: ['email'] }, { fields: ['email'], unique: true }] },
      { name: 'lead', fields: { name: { type: 'text' } }, indexes: [{ name: 'by_name', fields: ['name'] }] },
    ]);
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([
      ['OS3013', inline(0, 'indexes', 2)],
      ['OS3009', inline(1, 'indexes', 0, 'name')],
    ]);
    expect(withCode(diagnostics, 'OS3009')[0]!.hint).toBe(
      "index names are shared by all tables of a database: rename it, e.g. 'lead_by_name', or omit `name`",
    );
  });

  it('does not add a second unique index for a unique field already covered by a declared one (ObjectQL index + unique)', () => {
    const { diagnostics, ir } = resolve([
      { name: 'person', fields: { email: { type: 'email', unique: true }, code: { type: 'text', unique: true } }, indexes: [{ fields: ['email'], unique: true }] },
    ]);
    expect(diagnostics).toEqual([]);
    expect(ir!.objects[0]!.indexes.map((index) => [index.name, index.declaredBy])).toEqual([
      ['uniq_person_email', 'indexes'],
      ['uniq_person_code', 'field'],
    ]);
  });

  it('reports a join table that collides with an object table', () => {
    const { diagnostics } = resolve([
      { name: 'project', fields: { members: { type: 'lookup', reference: 'person', multiple: true } } },
      { name: 'person', fields: {} },
      { name: 'project__members', fields: {} },
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'OS3012', at: inline(0, 'fields', 'members'), related: [{ at: inline(2, 'name'), message: "'project__members' is first used here" }] }),
    ]);
  });
});
