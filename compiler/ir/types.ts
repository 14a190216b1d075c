import type {
  Field,
  FieldType,
  ObjectDef,
  PluginEntry,
  PluginManifest,
  Stack,
  SystemConfig,
} from '../../schemas/index.js';
import type { SourceRef } from '../diagnostics/span.js';

/**
 * The resolved stack: the only input of emitters and of the migration planner.
 *
 * Spec shapes come from the Zod output types (`def`, `manifest`, `system`); the IR only adds what resolution
 * computes (order, physical names, resolved references, applied defaults) and where each node was declared
 * (`origin`, a `SourceRef` that engineer B's locator turns into a span for messages).
 *
 * The types are deeply readonly (`Frozen<…>`); `resolveStack` also deep-freezes the IR at run time in tests and
 * development (see `ResolveOptions.freeze` for why not in production), and its lookup maps are always read-only.
 */
export interface StackIR {
  /** The stack file the user pointed at. */
  readonly origin: SourceRef;
  readonly manifest: Frozen<Stack['manifest']>;
  /** `manifest.namespace`, or null. When set, every object name starts with `<namespace>_`. */
  readonly namespace: string | null;
  /** Sorted by name, so emitters iterate deterministically. */
  readonly objects: readonly ObjectIR[];
  readonly objectsByName: ReadonlyMap<string, ObjectIR>;
  /** Dependency order: every plugin comes after the plugins it depends on; ties broken by id. */
  readonly plugins: readonly PluginIR[];
  readonly pluginsById: ReadonlyMap<string, PluginIR>;
  /** Which plugin provides each service (the first in plugin order when several do), sorted by service name. */
  readonly services: readonly ServiceBindingIR[];
  /** `SystemSchema` output: every section present with its defaults applied. */
  readonly system: Frozen<SystemConfig>;
  readonly server: Frozen<Stack['server']>;
  readonly permissions: Frozen<Stack['permissions']>;
  readonly datasources: Frozen<Stack['datasources']>;
}

export interface ObjectIR {
  readonly name: string;
  /** Physical table name: `def.tableName`, else the object name. */
  readonly table: string;
  /** Datasource holding the table: `def.datasource`, else `default`. */
  readonly datasource: string;
  /** `def.ownership`, defaulting to `user` (records are owned by their creator, an `owner_id` column). */
  readonly ownership: NonNullable<ObjectDef['ownership']>;
  readonly label: string;
  readonly pluralLabel: string;
  /**
   * The object as validated (Zod output: defaults applied, ObjectQL spellings already rewritten), including the
   * object-level settings emitters need (`enable`, `ownership`, `sharingModel`, `nameField`, `validations`) and
   * the documented extensions (`ai_context`, `ai`, `actions`). Read fields through `fields`, not `def.fields`.
   */
  readonly def: Frozen<ObjectDef>;
  /** Declaration order (the YAML's key order). */
  readonly fields: readonly FieldIR[];
  readonly fieldsByName: ReadonlyMap<string, FieldIR>;
  /**
   * Columns the platform adds, in a fixed order: id, created_at, updated_at, created_by, updated_by, then owner_id
   * when `ownership` is `user`, then the tenant column when the object is tenant-scoped (see `tenantColumn`).
   */
  readonly systemFields: readonly SystemFieldIR[];
  /**
   * The tenant column, or null: the object's `tenancy.field` when it has a `tenancy` block that is enabled, else
   * `system.tenancy.tenantField` when system tenancy is enabled with the shared_schema strategy.
   */
  readonly tenantColumn: string | null;
  /**
   * Indexes with deterministic names: the declared ones (`indexes`, declaration order), then one unique index per
   * field with `unique: true` (field order) unless a declared unique index on that one column already enforces it,
   * so emitters and the migration planner read a single list.
   */
  readonly indexes: readonly IndexIR[];
  /** The field whose value names a record (`def.nameField`, else a `name` field, else null). */
  readonly nameField: string | null;
  /** The object's previous name when `renamedFrom` is set: its table is renamed, never dropped and re-created. */
  readonly renamedFrom: string | null;
  readonly origin: SourceRef;
}

/**
 * How a field is kept:
 * - `column`: one column in the object's table (every type not listed below, including autonumber, which is a
 *   counter-filled column, and json-like types, which are JSON text / jsonb);
 * - `join_table`: lookup / master_detail with `multiple: true`, kept in `<table>__<field>` (ids of both sides);
 * - `virtual`: computed on read, no storage: formula, summary.
 */
export type FieldStorageKind = 'column' | 'join_table' | 'virtual';

export interface FieldIR {
  readonly name: string;
  readonly type: FieldType;
  readonly label: string;
  /** The field as validated (Zod output, discriminated by `type`). */
  readonly def: Frozen<Field>;
  readonly storage: FieldStorageKind;
  /** Physical column in the object's table; null unless `storage` is `column`. */
  readonly column: string | null;
  /** Physical join table; null unless `storage` is `join_table`. */
  readonly joinTable: string | null;
  /**
   * The referenced object for lookup, master_detail, tree (the object itself) and user fields (the stack's
   * `user` object when it declares one, else null: the id comes from the auth service and has no foreign key).
   */
  readonly reference: string | null;
  /** `storage.notNull` — `required` alone is a write contract, not NOT NULL. */
  readonly notNull: boolean;
  /** The field's old name when `renamedFrom` is set. */
  readonly renamedFrom: string | null;
  readonly origin: SourceRef;
}

/** System columns by name; a declared field may not reuse one (the tenant column is checked separately). */
export const SYSTEM_FIELD_NAMES = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id'] as const;
export type SystemFieldName = (typeof SYSTEM_FIELD_NAMES)[number];

/** A column added by the platform rather than declared. */
export interface SystemFieldIR {
  /** One of `SYSTEM_FIELD_NAMES`, or the configured tenant column. */
  readonly name: string;
  readonly column: string;
  /**
   * `id`: primary key (text id); `datetime`: ISO timestamp set by the data engine; `user`: a user id from the auth
   * service (no foreign key); `tenant`: the tenant id.
   */
  readonly kind: 'id' | 'datetime' | 'user' | 'tenant';
  readonly notNull: boolean;
}

export interface IndexIR {
  /** The declared name, else `idx_<table>_<columns joined by _>` (`uniq_…` when unique). */
  readonly name: string;
  /** Field names as declared. */
  readonly fields: readonly string[];
  /** Physical columns, same order as `fields`. */
  readonly columns: readonly string[];
  readonly unique: boolean;
  /** Whether `name` was declared by the user (a generated name may change when the fields change). */
  readonly named: boolean;
  /** `indexes`: an entry of the object's `indexes`; `field`: a field's `unique: true`. */
  readonly declaredBy: 'indexes' | 'field';
  readonly origin: SourceRef;
}

export type PluginSourceKind = 'builtin' | 'path' | 'inline';

export interface PluginIR {
  readonly id: string;
  readonly version: string;
  readonly manifest: Frozen<PluginManifest>;
  /** Where the manifest was read (a `plugin.yml`, or the inline `manifest` under the stack entry). */
  readonly manifestOrigin: SourceRef;
  /** The stack's `plugins` entry. */
  readonly entry: Frozen<PluginEntry>;
  /**
   * The entry's `config`, validated against the manifest's `configuration` with defaults applied (a property
   * neither set nor defaulted is absent).
   */
  readonly config: Frozen<JsonObject>;
  /**
   * Top-level `config` keys whose value was written with an `${env:…}` reference, mapped to the value as written
   * (e.g. `${env:NOTIFIER_API_KEY}`; null when the loader did not supply the text). `config` holds the value
   * substituted at compile time: emitters must print a run-time environment read for these keys, never the value.
   */
  readonly configEnvironment: Frozen<Record<string, string | null>>;
  /** The manifest's `configuration` as a draft-07 JSON Schema (what `config` was validated with; emitters derive TS types from it). */
  readonly configSchema: Frozen<JsonSchemaObject>;
  readonly source: {
    readonly kind: PluginSourceKind;
    /**
     * Absolute path of the entry module as the loader found it, or null (a built-in without a module file on
     * disk). Emitters make it relative to their output directory; never print it as is (machine-specific).
     */
    readonly moduleFile: string | null;
  };
  /** Declared dependencies that are present in the stack, with the version found (missing optional ones omitted). */
  readonly dependencies: readonly PluginDependencyIR[];
  /** Position in `StackIR.plugins` (0-based). */
  readonly order: number;
  /** The stack's `plugins` entry. */
  readonly origin: SourceRef;
}

export interface PluginDependencyIR {
  readonly id: string;
  readonly range: string;
  readonly version: string;
  readonly optional: boolean;
}

export interface ServiceBindingIR {
  readonly service: string;
  readonly provider: string;
}

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The subset of draft-07 JSON Schema the config translation produces. */
export interface JsonSchemaObject {
  readonly $schema?: string;
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

export interface JsonSchemaProperty {
  readonly type?: string | readonly string[];
  readonly enum?: readonly JsonValue[];
  readonly default?: JsonValue;
  readonly description?: string;
}

/** Deeply readonly view of a value: what `Object.freeze` applied recursively guarantees at run time. */
export type Frozen<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<K, Frozen<V>>
    : T extends readonly (infer E)[]
      ? readonly Frozen<E>[]
      : T extends object
        ? { readonly [K in keyof T]: Frozen<T[K]> }
        : T;
