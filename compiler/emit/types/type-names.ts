import type { StackIR } from '../../ir/index.js';
import type { SharedStructName, StructShape } from '../field-mapping/struct-shapes.js';
import { lowerFirst, NameTable, objectTypeNames, pascalCase } from '../field-mapping/names.js';
import { METADATA_MODULE } from './metadata.js';

/** Names exported by `types/shared.ts`: the shared value shapes plus the JSON object alias. */
export type SharedTypeName = SharedStructName | 'JsonObject';
export const SHARED_TYPE_NAMES: readonly SharedTypeName[] = ['GeoLocation', 'JsonObject', 'PostalAddress', 'RecordReference'];

/**
 * Every exported TypeScript name of the generated types, unique across the barrel (`export *` of two modules
 * exporting one name is an error). Claimed in a fixed order: record interfaces, shared types, then each object's
 * inputs, aliases and metadata constant; a later clash gets a numeric suffix.
 */
export class TsNames {
  readonly #table = new NameTable();
  readonly #records: Map<string, string>;
  readonly #shared = new Map<SharedTypeName, string>();
  readonly #files = new NameTable(['index', 'shared', METADATA_MODULE]);
  readonly #fileOf = new Map<string, string>();

  constructor(ir: StackIR) {
    this.#records = objectTypeNames(ir.objects.map((object) => object.name), this.#table);
    for (const name of SHARED_TYPE_NAMES) this.#shared.set(name, this.#table.claim(name));
    for (const object of ir.objects) this.#fileOf.set(object.name, this.#files.claim(object.name));
  }

  record(objectName: string): string {
    return this.#records.get(objectName) ?? pascalCase(objectName);
  }

  shared(name: SharedTypeName): string {
    return this.#shared.get(name) ?? name;
  }

  /** File stem of an object's module (`index` and `shared` are taken by the barrel and the shared module). */
  file(objectName: string): string {
    return this.#fileOf.get(objectName) ?? objectName;
  }

  createInput(objectName: string): string {
    return this.#table.claimOnce(`${objectName}\0create`, () => `${this.record(objectName)}CreateInput`);
  }

  updateInput(objectName: string): string {
    return this.#table.claimOnce(`${objectName}\0update`, () => `${this.record(objectName)}UpdateInput`);
  }

  metadata(objectName: string): string {
    return this.#table.claimOnce(`${objectName}\0metadata`, () => `${lowerFirst(this.record(objectName))}Metadata`);
  }

  /** The alias of an enum or interface of a per-field struct, from its name parts (object, field, sub-field …). */
  fieldType(nameParts: readonly string[]): string {
    const [objectName = '', ...rest] = nameParts;
    return this.#table.claimOnce(nameParts.join('\0'), () => this.record(objectName) + rest.map(pascalCase).join(''));
  }

  struct(shape: StructShape): string {
    return 'shared' in shape.name ? this.shared(shape.name.shared) : this.fieldType(shape.name.parts);
  }
}
