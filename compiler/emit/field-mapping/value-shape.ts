import type { FieldIR } from '../../ir/index.js';
import type { StructShape } from './struct-shapes.js';
import { computedShape, enumShape, INTEGER, isSimple, listOf, maybeList, NUMBER, SIMPLE_SHAPES, STRING } from './shape-builders.js';
import { geoLocationShape, postalAddressShape, recordReferenceShape, subFieldsStruct } from './struct-shapes.js';

/** A string's meaning beyond "text", where an API language can say it (JSON Schema `format`, GraphQL scalar). */
export type StringFormat = 'email' | 'uri' | 'date' | 'date-time' | 'time';

/**
 * The value a field holds through the API, independent of any language. Each emitter renders these shapes with
 * its own printer (`typescript.ts`, `graphql.ts`, `json-schema.ts`), so the UI types, the SDL and the OpenAPI
 * document cannot disagree about what a field type means.
 */
export type ScalarShape =
  | { readonly kind: 'string'; readonly format: StringFormat | null }
  | { readonly kind: 'number'; readonly integer: boolean }
  | { readonly kind: 'boolean' }
  /** One of fixed option values; `nameParts` name the generated enum/alias (object, field, sub-field). */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly nameParts: readonly string[] }
  /** A record id; `reference` is the referenced object when the stack has it, else null (e.g. a user id). */
  | { readonly kind: 'id'; readonly reference: string | null }
  /** Any JSON object. */
  | { readonly kind: 'json' }
  | StructShape;

export type ValueShape = ScalarShape | { readonly kind: 'list'; readonly item: ScalarShape };

/** The API value of a field of `objectName`. Total over every field type: a new type fails to compile here. */
export function valueShapeOf(objectName: string, field: FieldIR): ValueShape {
  const def = field.def;
  if (isSimple(def)) return SIMPLE_SHAPES[def.type];
  switch (def.type) {
    case 'number':
      // Integer only when declared so (scale 0).
      return def.scale === 0 ? INTEGER : NUMBER;
    case 'select':
      return maybeList(enumShape(def.options, [objectName, field.name]), def.multiple);
    case 'radio':
      return enumShape(def.options, [objectName, field.name]);
    case 'multiselect':
    case 'checkboxes':
      return listOf(enumShape(def.options, [objectName, field.name]));
    case 'tags':
      return listOf(STRING);
    case 'lookup':
    case 'user':
      return maybeList({ kind: 'id', reference: field.reference }, def.multiple);
    case 'master_detail':
    case 'tree':
      return { kind: 'id', reference: field.reference };
    case 'record':
      return recordReferenceShape;
    case 'image':
    case 'file':
    case 'video':
    case 'audio':
      return maybeList(STRING, def.multiple);
    case 'formula':
      return computedShape(def.returnType);
    case 'summary':
      // Without a declared result type a roll-up is a count or an arithmetic aggregate: a number.
      return computedShape(def.returnType ?? 'number');
    case 'composite':
      return subFieldsStruct([objectName, field.name], def.fields);
    case 'repeater':
      return listOf(subFieldsStruct([objectName, field.name, 'item'], def.fields));
    case 'location':
      return geoLocationShape;
    case 'address':
      return postalAddressShape;
    case 'vector':
      return listOf(NUMBER);
    default:
      return unreachable(def);
  }
}

function unreachable(def: never): never {
  throw new Error(`field-mapping: no value shape for field ${JSON.stringify(def)}`);
}
