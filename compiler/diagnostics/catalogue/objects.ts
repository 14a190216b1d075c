import type { CodeSection } from './entry.js';

/** OS30xx object and field semantics (references, indexes, formulas, namespaces). */
export const objectsCodes = {
  OS3001: {
    severity: 'error',
    title: 'Reference to an unknown object',
    explanation:
      'A lookup, master_detail or tree field (`reference`), a record field (`references`) or a summary field ' +
      '(`summaryOperations.object`) names an object the stack does not define. (`user` fields need no reference: they ' +
      "point at the stack's `user` object when it defines one, else at the auth service's user ids.)",
    example: 'account:\n  type: lookup\n  reference: acount',
    fix: 'Name an object the stack defines (the hint suggests the closest one), or add the missing object.',
  },
  OS3002: {
    severity: 'error',
    title: 'Index on an unknown field',
    explanation: 'An index lists a field the object does not have (system columns such as `created_at` are allowed).',
    example: 'indexes:\n  - fields: [emial]',
    fix: 'Use a field name of the object (the hint suggests the closest one).',
  },
  OS3003: {
    severity: 'error',
    title: 'Index on a field without a column',
    explanation: 'Formula and summary fields are computed on read and multi-valued lookups live in a join table; none has a column to index.',
    example: 'indexes:\n  - fields: [total]   # total is a formula',
    fix: 'Index the stored fields the value is computed from instead.',
  },
  OS3004: {
    severity: 'error',
    title: 'Unknown name field',
    explanation: "`nameField` must name a field of the object: its value is the record's display name.",
    example: 'nameField: titel',
    fix: 'Use a field name of the object (the hint suggests the closest one).',
  },
  OS3005: {
    severity: 'error',
    title: 'Formula names an unknown field',
    explanation: 'A formula `expression` uses an identifier that is neither a field of the object, a system field, nor a known function or constant.',
    example: 'total:\n  type: formula\n  expression: quantty * unit_price',
    fix: 'Correct the field name (the hint suggests the closest one). Quote literal text with quotes.',
  },
  OS3006: {
    severity: 'error',
    title: 'Default value is not an option',
    explanation: 'A select, radio, multiselect or checkboxes field has a `defaultValue` that is not the `value` of one of its `options`.',
    example: 'status:\n  type: select\n  defaultValue: opne\n  options: [{ label: Open, value: open }]',
    fix: 'Use one of the option values (the hint lists them).',
  },
  OS3007: {
    severity: 'error',
    title: 'Object name outside the namespace',
    explanation: 'When `manifest.namespace` is set, every object name must start with `<namespace>_`, so objects of different packages never collide.',
    example: 'manifest: { namespace: crm }\nobjects:\n  - name: account   # must be crm_account',
    fix: 'Rename the object with the prefix (add `renamedFrom` if it already has a table), or remove the namespace.',
  },
  OS3008: {
    severity: 'error',
    title: 'Duplicate object name',
    explanation: 'Two objects have the same name (possibly in different files). Each object is one table and one API resource.',
    example: 'objects/account.object.yml and objects/legacy/account.object.yml both define account',
    fix: 'Rename one of them, or delete the duplicate.',
  },
  OS3009: {
    severity: 'error',
    title: 'Duplicate index name',
    explanation: 'Index names share one namespace per database schema (PostgreSQL requires it), so two indexes cannot have the same name even on different objects.',
    example: 'indexes:\n  - { name: by_name, fields: [name] }\n  - { name: by_name, fields: [email] }',
    fix: 'Give each index a distinct name, or omit `name` to get a generated one.',
  },
  OS3010: {
    severity: 'error',
    title: 'Field name collides with a system field',
    explanation: 'Every table carries the system columns id, created_at, updated_at, created_by, updated_by and owner_id; a declared field cannot reuse one of those names.',
    example: 'fields:\n  created_at: { type: datetime }',
    fix: 'Rename the field (the system column already holds that value).',
  },
  OS3011: {
    severity: 'error',
    title: '`renamedFrom` names something that still exists',
    explanation: 'A rename moves data from the old name to the new one. The old name is still declared, so the rename is ambiguous.',
    example: 'fields:\n  full_name: { type: text, renamedFrom: name }\n  name: { type: text }',
    fix: 'Remove the old declaration (the rename carries its data), or remove `renamedFrom`.',
  },
  OS3012: {
    severity: 'error',
    title: 'Table name collision',
    explanation: 'Two physical tables would get the same name: an object table and the join table of a multi-valued lookup (`<table>__<field>`).',
    example: 'object a with lookup field b (multiple), and an object named a__b',
    fix: 'Rename the object or the field.',
  },
  OS3013: {
    severity: 'warning',
    title: 'Index duplicates another index',
    explanation: 'Two indexes of the object cover the same columns in the same order; the second costs writes and gives nothing.',
    example: 'indexes:\n  - fields: [email]\n  - fields: [email]',
    fix: 'Remove one of them (keep the unique one if either is unique).',
  },
  OS3014: {
    severity: 'error',
    title: 'Two fields renamed from the same name',
    explanation: 'Several fields of one object declare the same `renamedFrom`; one old column can only become one field.',
    example: 'fields:\n  full_name: { type: text, renamedFrom: name }\n  display_name: { type: text, renamedFrom: name }',
    fix: 'Keep `renamedFrom` on the field that inherits the data; the other is a new field.',
  },
  OS3015: {
    severity: 'error',
    title: 'Unknown datasource',
    explanation: 'An object names a `datasource` the stack does not declare under `datasources` (`default` is always available).',
    example: 'datasource: analytcs',
    fix: 'Declare the datasource under `datasources`, or correct the name (the hint suggests the closest one).',
  },
  OS3016: {
    severity: 'error',
    title: 'Summary over an unknown field',
    explanation: "A summary field's `summaryOperations.field` must name a field of the child object it summarises (count ignores it).",
    example: 'summaryOperations: { object: line_item, field: amout, function: sum }',
    fix: 'Name a field of the child object (the hint suggests the closest one).',
  },
  OS3017: {
    severity: 'error',
    title: 'Object renamed from a name still declared',
    explanation:
      'An object declares `renamedFrom: old`, so migrations rename the table `old`; but an object named `old` is still declared, which would need that table too.',
    example: 'objects:\n  client: { fields: {} }\n  customer: { renamedFrom: client, fields: {} }',
    fix: 'Remove the old object (the rename keeps its rows), or remove renamedFrom if both objects are meant to exist.',
  },
  OS3018: {
    severity: 'error',
    title: 'Two objects renamed from the same name',
    explanation: 'Two objects declare the same `renamedFrom`; one table can only be renamed once.',
    example: 'objects:\n  customer: { renamedFrom: client, fields: {} }\n  buyer: { renamedFrom: client, fields: {} }',
    fix: 'Keep renamedFrom on the object that really is the old one.',
  },
  OS3101: {
    severity: 'error',
    title: 'Permission set names an unknown object',
    explanation: 'A permission set grants access to an object the stack does not define; the grant would never apply.',
    example: 'permissions:\n  sales:\n    objects:\n      acount: { allowRead: true }',
    fix: 'Use an object name the stack defines (the hint suggests the closest one).',
  },
  OS3102: {
    severity: 'error',
    title: 'Permission set names an unknown field',
    explanation: 'A field permission key `object.field` names a field the object does not have.',
    example: 'permissions:\n  sales:\n    fields:\n      account.revnue: { readable: false }',
    fix: 'Use a field of the object (the hint suggests the closest one).',
  },
} as const satisfies CodeSection;
