import { describe, expect, it } from 'vitest';
import { MANIFEST, useTempStacks } from '../load/temp-stack.js';
import { check } from './check.js';

const writeStack = useTempStacks();
const STACK = `${MANIFEST}include: [objects/*.object.yml]\n`;

function checkObject(yaml: string) {
  return check(writeStack({ 'objectstack.yaml': STACK, 'objects/account.object.yml': yaml })).brief;
}

describe('schema diagnostics', () => {
  it('reports an unknown key on the key itself, with a did-you-mean from the keys allowed there', () => {
    expect(checkObject('fields:\n  name:\n    type: text\n    lable: Name\n')).toEqual([
      { file: 'objects/account.object.yml', line: 4, column: 5, code: 'OS1201', severity: 'error', message: 'Unknown key "lable"', hint: 'did you mean "label"?' },
    ]);
  });

  it('suggests keys of the field type actually used (discriminated by `type`)', () => {
    const [diagnostic] = checkObject('fields:\n  amount:\n    type: currency\n    precison: 10\n');
    expect(diagnostic?.hint).toBe('did you mean "precision"?');
    const [other] = checkObject('fields:\n  owner:\n    type: lookup\n    reference: user\n    deleteBehaviour: cascade\n');
    expect(other?.hint).toBe('did you mean "deleteBehavior"?');
  });

  it('lists the allowed keys when nothing is close', () => {
    const [diagnostic] = checkObject('fields:\n  done:\n    type: boolean\n    zzzzzz: 1\n');
    expect(diagnostic?.hint).toMatch(/^allowed keys: type, label, description, .*required, unique/);
  });

  it('reports a wrong type with what was expected and what was given, at the value', () => {
    expect(checkObject('fields:\n  age: { type: number, required: "yes" }\n')).toMatchObject([
      { line: 2, column: 34, code: 'OS1202', message: 'Expected a boolean, got the string "yes"' },
    ]);
  });

  it('reports an unknown field type with a did-you-mean among the 49 types', () => {
    expect(checkObject('fields:\n  age:\n    type: numbr\n')).toMatchObject([
      { line: 3, column: 11, code: 'OS1203', message: expect.stringContaining('Invalid type "numbr"'), hint: 'did you mean "number"?' },
    ]);
  });

  it('reports an invalid enum value with a did-you-mean', () => {
    expect(checkObject('ownership: usr\nfields: {}\n')).toMatchObject([
      { line: 1, column: 12, code: 'OS1203', message: 'Invalid value "usr": expected one of user, organization, none', hint: 'did you mean "user"?' },
    ]);
  });

  it('reports a missing required key at the mapping that lacks it, naming the key', () => {
    expect(checkObject('fields:\n  owner:\n    type: lookup\n')).toMatchObject([
      { line: 2, column: 3, code: 'OS1204', message: 'Missing required key "reference"', hint: expect.stringMatching(/^add reference: name of the object/) },
    ]);
    expect(checkObject('fields:\n  owner:\n    label: Owner\n')).toMatchObject([{ line: 2, column: 3, code: 'OS1204', message: 'Missing required key "type"' }]);
  });

  it('reports an invalid format with the rule and a snake_case suggestion', () => {
    expect(checkObject('name: SalesOrder\nfields: {}\n')).toMatchObject([
      { line: 1, column: 7, code: 'OS1205', message: expect.stringMatching(/^"SalesOrder" must be snake_case/), hint: 'write it as "sales_order"' },
    ]);
  });

  it('reports a bad plugin id and version in the stack file', () => {
    const { brief } = check(writeStack({ 'objectstack.yaml': 'manifest:\n  id: Acme\n  name: Test\n  version: "1.0"\n' }));
    expect(brief.map((d) => [d.line, d.code])).toEqual([
      [2, 'OS1205'],
      [4, 'OS1205'],
    ]);
  });

  it('reports every problem in every file at once, in file and line order', () => {
    const dir = writeStack({
      'objectstack.yaml': `${MANIFEST}include: [objects/*.object.yml]\nplugins:\n  - id: com.objectstack.data\n    confg: {}\n`,
      'objects/account.object.yml': 'fields:\n  name: { type: text, lable: Name }\n',
      'objects/contact.object.yml': 'fields:\n  email: { type: emial }\n  age: { type: number, min: "0" }\n',
    });
    // Sorted by absolute path, then line: objects/ sorts before objectstack.yaml.
    expect(check(dir).brief.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'objects/account.object.yml:2 OS1201',
      'objects/contact.object.yml:2 OS1203',
      'objects/contact.object.yml:3 OS1202',
      'objectstack.yaml:8 OS1201',
    ]);
  });
});
