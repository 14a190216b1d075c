import { describe, expect, it } from 'vitest';
import { rewriteLegacyObject } from '../../compiler/validate/objectql-aliases.js';
import { MANIFEST, useTempStacks } from '../load/temp-stack.js';
import { check } from './check.js';

const writeStack = useTempStacks();

function checkObject(yaml: string) {
  const dir = writeStack({ 'objectstack.yaml': `${MANIFEST}include: [objects/*.object.yml]\n`, 'objects/task.object.yml': yaml });
  const result = check(dir);
  return { warnings: result.brief, def: result.validated.objects[0]?.def };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('ObjectQL spellings', () => {
  it('rewrites reference_to to reference, warning at the old key', () => {
    const { warnings, def } = checkObject('fields:\n  owner:\n    type: lookup\n    reference_to: user\n');
    expect(warnings).toEqual([
      { file: 'objects/task.object.yml', line: 4, column: 5, code: 'OS1210', severity: 'warning', message: '"reference_to" is the ObjectQL spelling; use "reference"' },
    ]);
    expect(def?.fields.owner).toMatchObject({ type: 'lookup', reference: 'user' });
  });

  it('turns field-level index: true into an indexes entry, unique when the field is unique', () => {
    const { warnings, def } = checkObject(
      'fields:\n  title: { type: text, index: true }\n  code: { type: text, unique: true, index: true }\nindexes:\n  - { fields: [title, code] }\n',
    );
    expect(warnings.map((w) => [w.line, w.column, w.code])).toEqual([
      [2, 24, 'OS1210'],
      [3, 37, 'OS1210'],
    ]);
    expect(def?.indexes).toEqual([
      { fields: ['title', 'code'], unique: false },
      { fields: ['title'], unique: false },
      { fields: ['code'], unique: true },
    ]);
    expect(def?.fields.title).not.toHaveProperty('index');
  });

  it('moves a field-level validation block onto the field', () => {
    const { warnings, def } = checkObject(
      'fields:\n  name:\n    type: text\n    validation:\n      min_length: 3\n      max_length: 100\n      message: Between 3 and 100\n  budget:\n    type: currency\n    validation: { min: 0, max: 1000 }\n',
    );
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [4, 'OS1210'],
      [10, 'OS1210'],
    ]);
    expect(warnings[0]?.message).toContain('min_length → minLength, max_length → maxLength');
    expect(def?.fields.name).toMatchObject({ minLength: 3, maxLength: 100 });
    expect(def?.fields.budget).toMatchObject({ min: 0, max: 1000 });
  });

  it('turns an indexes map into the list form with names', () => {
    const { warnings, def } = checkObject('fields:\n  a: { type: text }\n  b: { type: text }\nindexes:\n  a_b_idx:\n    fields: [a, b]\n    unique: true\n');
    expect(warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [4, 1, "\"indexes\" as a map is the ObjectQL spelling; write a list of {name, fields, unique} (names become database-wide, so 'a_b_idx' is named 'task_a_b_idx')"],
    ]);
    // ObjectQL scoped index names to their object; database index names are schema-wide, so they get its prefix.
    expect(def?.indexes).toEqual([{ name: 'task_a_b_idx', fields: ['a', 'b'], unique: true }]);
    const prefixed = checkObject('fields:\n  a: { type: text }\nindexes:\n  task_a_idx:\n    fields: [a]\n');
    expect(prefixed.def?.indexes).toEqual([{ name: 'task_a_idx', fields: ['a'], unique: false }]);
  });

  it('maps the other spellings found in the ObjectQL corpus', () => {
    const { warnings, def } = checkObject(
      'fields:\n  tip: { type: text, help_text: Hi }\n  pic: { type: image, max_size: 10 }\n  meta: { type: object }\n  vec: { type: vector, dimension: 3 }\n  full: { type: formula, expression: a, data_type: text }\n',
    );
    expect(warnings.map((w) => w.message)).toEqual([
      '"help_text" is the ObjectQL spelling; use "description"',
      '"max_size" is the ObjectQL spelling; use "maxSize"',
      'field type "object" is the ObjectQL spelling; use "json"',
      '"dimension" is the ObjectQL spelling; use "dimensions"',
      '"data_type" is the ObjectQL spelling; use "returnType"',
    ]);
    expect(def?.fields).toMatchObject({ tip: { description: 'Hi' }, pic: { maxSize: 10 }, meta: { type: 'json' }, vec: { dimensions: 3 }, full: { returnType: 'text' } });
  });

  it('infers a missing type only in a file already written in ObjectQL spellings', () => {
    const objectql = checkObject('fields:\n  project: { reference_to: project }\n  email: { required: true }\n');
    expect(objectql.warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(objectql.def?.fields).toMatchObject({ project: { type: 'lookup' }, email: { type: 'text' } });
    const protocol = checkObject('fields:\n  email: { required: true }\n');
    expect(protocol.warnings).toMatchObject([{ code: 'OS1204', message: 'Missing required key "type"' }]);
  });

  it('rejects an old and a new spelling with different values', () => {
    const { warnings, def } = checkObject('fields:\n  owner: { type: lookup, reference_to: user, reference: account }\n');
    expect(warnings).toMatchObject([{ code: 'OS1211', severity: 'error', line: 2, column: 26 }]);
    expect(def).toBeUndefined();
  });

  it('locates schema errors in rewritten values at what the user wrote', () => {
    const { warnings } = checkObject(
      'fields:\n  owner:\n    type: lookup\n    reference_to: Users\n  name:\n    type: text\n    validation:\n      min_length: -1\nindexes:\n  by_name:\n    fields: []\n',
    );
    expect(warnings.filter((w) => w.severity === 'error').map((w) => [w.code, w.line, w.column])).toEqual([
      ['OS1205', 4, 19],
      ['OS1206', 8, 19],
      ['OS1206', 11, 13],
    ]);
  });

  it('never changes the loaded data', () => {
    const data = deepFreeze({ fields: { owner: { type: 'lookup', reference_to: 'user', index: true, validation: { min: 1 } } }, indexes: { i: { fields: ['owner'] } } });
    const before = JSON.stringify(data);
    const { data: rewritten } = rewriteLegacyObject(data, { file: 'x.yml', path: [] });
    expect(JSON.stringify(data)).toBe(before);
    expect(rewritten).toMatchObject({ fields: { owner: { reference: 'user', min: 1 } }, indexes: [{ name: 'x_i' }, { fields: ['owner'] }] });
  });

  it('rewrites objects declared inline in the stack file too', () => {
    const dir = writeStack({ 'objectstack.yaml': `${MANIFEST}objects:\n  task:\n    fields:\n      owner: { type: lookup, reference_to: user }\n` });
    const { brief, validated } = check(dir);
    expect(brief).toMatchObject([{ file: 'objectstack.yaml', line: 8, column: 30, code: 'OS1210' }]);
    expect(validated.objects[0]?.def.fields.owner).toMatchObject({ reference: 'user' });
  });
});
