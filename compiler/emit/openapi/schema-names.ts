import type { StackIR } from '../../ir/index.js';
import { exposedObjects, NameTable, objectTypeNames } from '../field-mapping/index.js';

/** Component schemas every document declares (see `shared-components.ts`). */
export const SHARED_SCHEMAS = [
  'Error', 'ErrorDetail', 'Health', 'ObjectMetadata', 'FieldMetadata', 'GraphqlRequest', 'GraphqlResponse',
  'StringFilter', 'NumberFilter', 'IntegerFilter', 'BooleanFilter', 'DateFilter', 'DateTimeFilter', 'TimeFilter', 'IdFilter',
  'StringListFilter', 'IdListFilter', 'GeoLocation', 'PostalAddress', 'RecordReference',
] as const;

export type SharedSchemaName = (typeof SHARED_SCHEMAS)[number];

export function ref(name: string): string {
  return `#/components/schemas/${name}`;
}

/**
 * Component schema names per exposed object: the record (`Account`), `AccountCreateInput`, `AccountUpdateInput`,
 * `AccountFilter` and `AccountPage`. Shared names are reserved first, then object names (sorted), then the derived
 * names object by object; a taken name gets a numeric suffix.
 */
export class SchemaNames {
  readonly #table = new NameTable(SHARED_SCHEMAS);
  readonly #records: Map<string, string>;
  readonly #derived = new Map<string, { create: string; update: string; filter: string; page: string }>();

  constructor(ir: StackIR) {
    const objects = exposedObjects(ir).map((object) => object.name);
    this.#records = objectTypeNames(objects, this.#table);
    for (const name of objects) {
      const record = this.record(name);
      this.#derived.set(name, {
        create: this.#table.claim(`${record}CreateInput`),
        update: this.#table.claim(`${record}UpdateInput`),
        filter: this.#table.claim(`${record}Filter`),
        page: this.#table.claim(`${record}Page`),
      });
    }
  }

  /** The record schema's name, or null for an object the API does not expose. */
  recordOrNull(objectName: string): string | null {
    return this.#records.get(objectName) ?? null;
  }

  record(objectName: string): string {
    return this.#records.get(objectName) ?? objectName;
  }

  derived(objectName: string, kind: 'create' | 'update' | 'filter' | 'page'): string {
    return this.#derived.get(objectName)?.[kind] ?? `${this.record(objectName)}_${kind}`;
  }
}
