import type { FieldType } from '../../../schemas/index.js';
import type { ScalarShape, StringFormat, ValueShape } from './value-shape.js';

export const STRING: ScalarShape = { kind: 'string', format: null };
export const NUMBER: ScalarShape = { kind: 'number', integer: false };
export const INTEGER: ScalarShape = { kind: 'number', integer: true };
export const BOOLEAN: ScalarShape = { kind: 'boolean' };
export const JSON_OBJECT: ScalarShape = { kind: 'json' };

export function formatted(format: StringFormat): ScalarShape {
  return { kind: 'string', format };
}

export function listOf(item: ScalarShape): ValueShape {
  return { kind: 'list', item };
}

export function maybeList(item: ScalarShape, multiple: boolean): ValueShape {
  return multiple ? listOf(item) : item;
}

/** Option values in declaration order, each once (a repeated value would be a repeated enum member). */
export function enumShape(options: readonly { readonly value: string }[], nameParts: readonly string[]): ScalarShape {
  return { kind: 'enum', values: [...new Set(options.map((option) => option.value))], nameParts };
}

/** Field types whose value shape depends on the type alone (no per-field keys), shared by fields and sub-fields. */
export const SIMPLE_SHAPES = {
  text: STRING,
  textarea: STRING,
  phone: STRING,
  password: STRING,
  secret: STRING,
  markdown: STRING,
  html: STRING,
  richtext: STRING,
  code: STRING,
  color: STRING,
  qrcode: STRING,
  // A signature is stored as an image data URL; an avatar holds the stored file's URL.
  signature: STRING,
  avatar: STRING,
  // The formatted value ("INV-2024-0001"), not the bare counter.
  autonumber: STRING,
  email: formatted('email'),
  url: formatted('uri'),
  date: formatted('date'),
  datetime: formatted('date-time'),
  time: formatted('time'),
  // Money, percentages and sliders keep fractions; a star rating is a whole number.
  currency: NUMBER,
  percent: NUMBER,
  slider: NUMBER,
  progress: NUMBER,
  rating: INTEGER,
  boolean: BOOLEAN,
  toggle: BOOLEAN,
  json: JSON_OBJECT,
} as const satisfies Partial<Record<FieldType, ScalarShape>>;

export type SimpleType = keyof typeof SIMPLE_SHAPES;

export function isSimpleType(type: string): type is SimpleType {
  return Object.hasOwn(SIMPLE_SHAPES, type);
}

/** Narrows a field definition (a union discriminated by `type`) to the simple branches. */
export function isSimple<D extends { readonly type: string }>(def: D): def is Extract<D, { readonly type: SimpleType }> {
  return isSimpleType(def.type);
}

/** A computed field's `returnType` names a field type; `number` is the one that is not simple (it has a scale). */
export function computedShape(returnType: SimpleType | 'number'): ScalarShape {
  return returnType === 'number' ? NUMBER : SIMPLE_SHAPES[returnType];
}
