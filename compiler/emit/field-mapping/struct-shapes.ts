import type { Field } from '../../../schemas/index.js';
import type { Frozen } from '../../ir/index.js';
import { enumShape, isSimpleType, NUMBER, SIMPLE_SHAPES, STRING } from './shape-builders.js';
import type { ScalarShape, ValueShape } from './value-shape.js';

/** A named property of a structured value. */
export interface PropertyShape {
  readonly name: string;
  readonly shape: ValueShape;
  /** Always present (and non-null) in the value. */
  readonly required: boolean;
  readonly description: string | null;
}

/**
 * A structured value with fixed properties. `name` is either one of the shapes every stack shares (declared once
 * per artifact) or the parts (object, field, …) a per-field type name is built from.
 */
export interface StructShape {
  readonly kind: 'struct';
  readonly name: { readonly shared: SharedStructName } | { readonly parts: readonly string[] };
  readonly properties: readonly PropertyShape[];
}

export type SharedStructName = 'GeoLocation' | 'PostalAddress' | 'RecordReference';

function property(name: string, shape: ValueShape, required: boolean, description: string): PropertyShape {
  return { name, shape, required, description };
}

/** `location` fields: WGS 84 coordinates. */
export const geoLocationShape: StructShape = {
  kind: 'struct',
  name: { shared: 'GeoLocation' },
  properties: [
    property('latitude', NUMBER, true, 'Degrees north of the equator (-90 to 90)'),
    property('longitude', NUMBER, true, 'Degrees east of Greenwich (-180 to 180)'),
    property('altitude', NUMBER, false, 'Metres above sea level'),
    property('accuracy', NUMBER, false, 'Accuracy radius in metres'),
  ],
};

/** `address` fields: every part optional, since address formats differ by country. */
export const postalAddressShape: StructShape = {
  kind: 'struct',
  name: { shared: 'PostalAddress' },
  properties: [
    property('street', STRING, false, 'Street and house number, possibly several lines'),
    property('city', STRING, false, 'City or locality'),
    property('state', STRING, false, 'State, province or region'),
    property('postalCode', STRING, false, 'Postal or ZIP code'),
    property('country', STRING, false, 'Country name'),
    property('countryCode', STRING, false, 'ISO 3166-1 alpha-2 country code'),
    property('formatted', STRING, false, 'The whole address as one display string'),
  ],
};

/** `record` fields: a polymorphic reference names the object as well as the id. */
export const recordReferenceShape: StructShape = {
  kind: 'struct',
  name: { shared: 'RecordReference' },
  properties: [
    property('object', STRING, true, 'Name of the referenced object'),
    property('id', { kind: 'id', reference: null }, true, 'Id of the referenced record'),
  ],
};

type SubField = Frozen<Extract<Field, { type: 'composite' }>['fields'][string]>;

/** The row of a composite or repeater field: its declared sub-fields, in declaration order. */
export function subFieldsStruct(nameParts: readonly string[], fields: Readonly<Record<string, SubField>>): StructShape {
  return {
    kind: 'struct',
    name: { parts: nameParts },
    properties: Object.entries(fields).map(([name, sub]) =>
      property(name, subFieldShape([...nameParts, name], sub), sub.required, sub.description ?? sub.label ?? ''),
    ),
  };
}

function subFieldShape(nameParts: readonly string[], sub: SubField): ScalarShape {
  if (isSimpleType(sub.type)) return SIMPLE_SHAPES[sub.type];
  if (sub.type === 'number') return NUMBER;
  // A select sub-field without options cannot be an enum: any text is accepted.
  return sub.options !== undefined && sub.options.length > 0 ? enumShape(sub.options, nameParts) : STRING;
}
