import type { StackIR } from '../../ir/index.js';
import {
  CUSTOM_SCALARS, exposedObjects, lowerFirst, NameTable, objectTypeNames, pascalCase, pluralize,
  type GraphqlTypeNames, type StructShape,
} from '../field-mapping/index.js';

/** Filter inputs shared by every object, one per scalar (see `shared-definitions.ts`). */
export const SCALAR_FILTERS = {
  String: 'StringFilter',
  Int: 'IntFilter',
  Float: 'FloatFilter',
  Boolean: 'BooleanFilter',
  Date: 'DateFilter',
  DateTime: 'DateTimeFilter',
  Time: 'TimeFilter',
  ID: 'IDFilter',
} as const;

export const LIST_FILTERS = { String: 'StringListFilter', ID: 'IDListFilter' } as const;

export const SHARED_STRUCTS = ['GeoLocation', 'PostalAddress', 'RecordReference'] as const;

/** Every name the schema declares itself; an object named like one (`query`, `string`) gets a suffix instead. */
const RESERVED_TYPE_NAMES = [
  'String', 'Int', 'Float', 'Boolean', 'ID', ...CUSTOM_SCALARS, 'Query', 'Mutation', 'Subscription', 'SortDirection',
  ...Object.values(SCALAR_FILTERS), ...Object.values(LIST_FILTERS), ...SHARED_STRUCTS, ...SHARED_STRUCTS.map((name) => `${name}Input`),
];

/**
 * The schema's type and root field names, unique by construction. Type names: reserved names, then one per
 * exposed object (sorted by name), then the derived names (connection, inputs, filter, sort, enums, structs) as
 * the printer first asks for them, which is a fixed order. Query fields: every object's singular first
 * (`lineItem`), then plurals (`lineItems`), a plural equal to another object's singular becoming `<singular>List`.
 */
export class GraphqlNames implements GraphqlTypeNames {
  readonly #types = new NameTable(RESERVED_TYPE_NAMES);
  readonly #objects: Map<string, string>;
  readonly #singular = new Map<string, string>();
  readonly #plural = new Map<string, string>();

  constructor(ir: StackIR) {
    const exposed = exposedObjects(ir).map((object) => object.name);
    this.#objects = objectTypeNames(exposed, this.#types);
    const queries = new NameTable();
    for (const name of exposed) this.#singular.set(name, queries.claim(lowerFirst(this.type(name))));
    for (const name of exposed) {
      const singular = this.singularQuery(name);
      const plural = lowerFirst(pluralize(this.type(name)));
      this.#plural.set(name, queries.claim(queries.has(plural) ? `${singular}List` : plural));
    }
  }

  /** The object's type name; objects not exposed have none (callers check `objectType`). */
  type(objectName: string): string {
    return this.#objects.get(objectName) ?? pascalCase(objectName);
  }

  objectType(objectName: string): string | null {
    return this.#objects.get(objectName) ?? null;
  }

  singularQuery(objectName: string): string {
    return this.#singular.get(objectName) ?? lowerFirst(this.type(objectName));
  }

  pluralQuery(objectName: string): string {
    return this.#plural.get(objectName) ?? lowerFirst(pluralize(this.type(objectName)));
  }

  connection(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0connection`, () => `${this.type(objectName)}Connection`);
  }

  createInput(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0create`, () => `Create${this.type(objectName)}Input`);
  }

  updateInput(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0update`, () => `Update${this.type(objectName)}Input`);
  }

  filter(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0filter`, () => `${this.type(objectName)}Filter`);
  }

  sort(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0sort`, () => `${this.type(objectName)}Sort`);
  }

  sortField(objectName: string): string {
    return this.#types.claimOnce(`${objectName}\0sortField`, () => `${this.type(objectName)}SortField`);
  }

  enumType(nameParts: readonly string[]): string {
    const [objectName = '', ...rest] = nameParts;
    return this.#types.claimOnce(`${nameParts.join('\0')}\0enum`, () => this.type(objectName) + rest.map(pascalCase).join(''));
  }

  enumFilter(nameParts: readonly string[], list: boolean): string {
    const suffix = list ? 'ListFilter' : 'Filter';
    return this.#types.claimOnce(`${nameParts.join('\0')}\0${suffix}`, () => `${this.enumType(nameParts)}${suffix}`);
  }

  struct(shape: StructShape, input: boolean): string {
    if ('shared' in shape.name) return input ? `${shape.name.shared}Input` : shape.name.shared;
    const [objectName = '', ...rest] = shape.name.parts;
    const base = this.#types.claimOnce(`${shape.name.parts.join('\0')}\0struct`, () => this.type(objectName) + rest.map(pascalCase).join(''));
    return input ? this.#types.claimOnce(`${shape.name.parts.join('\0')}\0structInput`, () => `${base}Input`) : base;
  }
}
