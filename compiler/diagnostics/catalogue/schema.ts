import type { CodeSection } from './entry.js';

/** OS12xx schema validation of documents (keys, types, enums, deprecated spellings). */
export const schemaCodes = {
  OS1201: {
    severity: 'error',
    title: 'Unknown key',
    explanation:
      'The key is not part of the schema at this place. Misspelled keys would otherwise be silently ignored, so every unknown key is an error.',
    example: 'fields:\n  name:\n    type: text\n    lable: Name\n',
    fix: 'Use one of the allowed keys (the hint suggests the closest one) or remove the key.',
  },
  OS1202: {
    severity: 'error',
    title: 'Wrong type',
    explanation: 'The value has a different type than the schema expects here (for example a list where a mapping is expected).',
    example: 'fields:\n  age:\n    type: number\n    required: "yes"\n',
    fix: 'Write the value with the expected type; quote strings, leave numbers and booleans unquoted.',
  },
  OS1203: {
    severity: 'error',
    title: 'Invalid value',
    explanation: 'The value is not one of the values allowed here, such as an unknown field type.',
    example: 'fields:\n  name:\n    type: string\n',
    fix: 'Use one of the allowed values (the hint suggests the closest one).',
  },
  OS1204: {
    severity: 'error',
    title: 'Missing required key',
    explanation: 'A key that must be present is missing.',
    example: 'fields:\n  name:\n    label: Name\n',
    fix: 'Add the key shown in the message.',
  },
  OS1205: {
    severity: 'error',
    title: 'Invalid format',
    explanation:
      'The value has the right type but not the required format, for example an object name that is not snake_case, a plugin id that is not reverse-DNS or a version that is not x.y.z.',
    example: 'name: Account\n',
    fix: 'Rewrite the value in the format given in the message.',
  },
  OS1206: {
    severity: 'error',
    title: 'Value out of range',
    explanation: 'A number, string or list is smaller or larger than allowed here.',
    example: 'fields:\n  score:\n    type: rating\n    max: 0\n',
    fix: 'Use a value within the range given in the message.',
  },
  OS1207: {
    severity: 'error',
    title: 'Invalid document',
    explanation: 'The value does not satisfy the schema at this place for a reason not covered by a more specific code.',
    example: 'objects:\n  note:\n    name: memo\n',
    fix: 'Read the message; it states the rule that failed.',
  },
  OS1210: {
    severity: 'warning',
    title: 'Deprecated ObjectQL spelling',
    explanation:
      'The key is an ObjectQL-era spelling. It is still accepted and rewritten to the ObjectStack protocol spelling, but support will be removed.',
    example: 'fields:\n  owner:\n    type: lookup\n    reference_to: users\n',
    fix: 'Rename the key as the message says (here: `reference: users`).',
  },
  OS1211: {
    severity: 'error',
    title: 'Old and new spelling both given',
    explanation:
      'A deprecated ObjectQL key and its ObjectStack replacement are both present with different values, so it is unclear which one is meant.',
    example: 'fields:\n  owner:\n    type: lookup\n    reference_to: users\n    reference: accounts\n',
    fix: 'Keep only the new spelling.',
  },
} as const satisfies CodeSection;
