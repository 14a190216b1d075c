import type { ObjectIR } from '../../ir/index.js';
import {
  enumShapesIn, readableProperties, structShapesIn, tsTypeOf, writableProperties,
  type EnumShape, type PropertyAccess, type StructShape, type TsTypeNames,
} from '../field-mapping/index.js';
import { METADATA_MODULE } from './metadata.js';
import { printTypeAfter, printTypeImport, tsDocComment, tsString } from './ts-print.js';
import { SHARED_TYPE_NAMES, type TsNames } from './type-names.js';

/**
 * The body of `types/<object>.ts` (the header is added by the caller): option aliases, per-field struct interfaces,
 * the record interface, the create and update inputs, and the re-export of the object's metadata constant (see
 * `metadataModule`), in that order.
 */
export function objectFileBody(object: ObjectIR, names: TsNames): string {
  const usedShared = new Set<string>();
  const typeNames: TsTypeNames = {
    enumAlias: (parts) => names.fieldType(parts),
    struct: (shape) => {
      const name = names.struct(shape);
      if ('shared' in shape.name) usedShared.add(name);
      return name;
    },
    jsonObject: () => {
      const name = names.shared('JsonObject');
      usedShared.add(name);
      return name;
    },
  };
  const readable = readableProperties(object);
  const writable = writableProperties(object);
  const record = names.record(object.name);
  const blocks: string[][] = [
    ...enumAliases(readable, writable, typeNames),
    ...fieldStructs(readable, writable, names, typeNames),
    interfaceBlock(recordDoc(object), record, readable.map((p) => recordMember(p, typeNames))),
    interfaceBlock(`Fields accepted when creating ${article(object.label)} record.`, names.createInput(object.name), writable.map((p) => createMember(p, typeNames))),
    interfaceBlock(`Fields accepted when updating ${article(object.label)} record: only those to change.`, names.updateInput(object.name), writable.map((p) => updateMember(p, typeNames))),
    [`export { ${names.metadata(object.name)} } from ${tsString(`./${METADATA_MODULE}.js`)};`],
  ];
  const sharedImports = SHARED_TYPE_NAMES.map((name) => names.shared(name)).filter((name) => usedShared.has(name));
  if (sharedImports.length > 0) blocks.unshift(printTypeImport(sharedImports, './shared.js'));
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}

/** Every property shape of the object, readable first, each once (a password is only in the inputs). */
function allShapes(readable: readonly PropertyAccess[], writable: readonly PropertyAccess[]): PropertyAccess[] {
  const seen = new Set(readable.map((p) => p.name));
  return [...readable, ...writable.filter((p) => !seen.has(p.name))];
}

function enumAliases(readable: readonly PropertyAccess[], writable: readonly PropertyAccess[], typeNames: TsTypeNames): string[][] {
  return allShapes(readable, writable)
    .flatMap((property) => enumShapesIn(property.shape))
    .map((shape: EnumShape) => printTypeAfter('', `export type ${typeNames.enumAlias(shape.nameParts)} =`, shape.values.map(tsString), ';'));
}

function fieldStructs(readable: readonly PropertyAccess[], writable: readonly PropertyAccess[], names: TsNames, typeNames: TsTypeNames): string[][] {
  return allShapes(readable, writable)
    .flatMap((property) => structShapesIn(property.shape))
    .filter((shape) => !('shared' in shape.name))
    .map((shape) => structInterface(shape, names.struct(shape), typeNames));
}

/** A struct shape as an interface: required properties plain, optional ones `?`. */
export function structInterface(shape: StructShape, name: string, typeNames: TsTypeNames): string[] {
  return interfaceBlock(
    null,
    name,
    shape.properties.map((property) => [
      tsDocComment('  ', property.description),
      ...printTypeAfter('  ', `${property.name}${property.required ? '' : '?'}:`, [tsTypeOf(property.shape, typeNames)], ';'),
    ]),
  );
}

function recordMember(property: PropertyAccess, typeNames: TsTypeNames): (string | null)[] {
  const head = `${property.readonly ? 'readonly ' : ''}${property.name}:`;
  return [tsDocComment('  ', doc(property)), ...printTypeAfter('  ', head, members(property, property.nullable, typeNames), ';')];
}

// Inputs repeat only real descriptions (the record interface documents every field), keeping 1,000-object output small.
function createMember(property: PropertyAccess, typeNames: TsTypeNames): (string | null)[] {
  const head = `${property.name}${property.requiredOnCreate ? '' : '?'}:`;
  return [tsDocComment('  ', property.description), ...printTypeAfter('  ', head, members(property, property.nullable, typeNames), ';')];
}

function updateMember(property: PropertyAccess, typeNames: TsTypeNames): (string | null)[] {
  return [tsDocComment('  ', property.description), ...printTypeAfter('  ', `${property.name}?:`, members(property, property.nullable, typeNames), ';')];
}

function members(property: PropertyAccess, nullable: boolean, typeNames: TsTypeNames): string[] {
  const type = tsTypeOf(property.shape, typeNames);
  return nullable ? [type, 'null'] : [type];
}

function doc(property: PropertyAccess): string {
  return property.description === null ? property.label : `${property.label}: ${property.description}`;
}

function recordDoc(object: ObjectIR): string {
  const description = object.def.description;
  return description === undefined ? `${object.label} record, as the API returns it.` : `${object.label}: ${description}`;
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

/** `export interface Name { … }`; members are line groups (a doc comment line may be null). */
function interfaceBlock(docText: string | null, name: string, memberLines: readonly (readonly (string | null)[])[]): string[] {
  const lines = memberLines.flatMap((group) => group.filter((line): line is string => line !== null));
  const head = `export interface ${name} {`;
  const comment = tsDocComment('', docText);
  const body = lines.length === 0 ? [`${head}}`] : [head, ...lines, '}'];
  return comment === null ? body : [comment, ...body];
}
