import { SYSTEM_FIELD_NAMES, type FieldIR, type ObjectIR, type SystemFieldIR, type SystemFieldName } from '../../ir/index.js';
import { STRING } from './shape-builders.js';
import { valueShapeOf, type ValueShape } from './value-shape.js';

/**
 * How one property appears in the three API views of a record. Computed once here so the UI types, the SDL and the
 * OpenAPI schemas agree on which fields are readable, writable, nullable and required.
 */
export interface PropertyAccess {
  readonly name: string;
  readonly label: string;
  readonly description: string | null;
  readonly shape: ValueShape;
  /** The field that declared it; null for system fields. */
  readonly field: FieldIR | null;
  /** Returned by reads (a password is write-only). */
  readonly readable: boolean;
  /** Reads may return null: the field is neither required nor NOT NULL (lists from join tables are never null). */
  readonly nullable: boolean;
  /** Cannot be written: declared readonly, computed (formula, summary), assigned (autonumber) or a system field. */
  readonly readonly: boolean;
  /** Must be given on create: required or NOT NULL, writable, and without a default to fall back on. */
  readonly requiredOnCreate: boolean;
}

/** Field types whose value the platform computes or assigns: never accepted in writes. */
const COMPUTED_TYPES = new Set(['formula', 'summary', 'autonumber']);

export function fieldAccess(object: ObjectIR, field: FieldIR): PropertyAccess {
  const def = field.def;
  const readonly = def.readonly || COMPUTED_TYPES.has(def.type);
  const mandatory = def.required || field.notNull;
  return {
    name: field.name,
    label: field.label,
    description: def.description ?? null,
    shape: valueShapeOf(object.name, field),
    field,
    readable: def.type !== 'password',
    // An autonumber is assigned on insert, and a join table yields an empty list rather than nothing.
    nullable: !mandatory && def.type !== 'autonumber' && field.storage !== 'join_table',
    readonly,
    requiredOnCreate: mandatory && !readonly && def.defaultValue === undefined,
  };
}

const SYSTEM_FIELD_DESCRIPTIONS: Readonly<Record<SystemFieldName, string>> = {
  id: 'Unique record id, assigned on create',
  created_at: 'When the record was created (ISO 8601, UTC)',
  updated_at: 'When the record was last changed (ISO 8601, UTC)',
  created_by: 'Id of the user who created the record',
  updated_by: 'Id of the user who last changed the record',
  owner_id: 'Id of the user who owns the record',
};

const SYSTEM_FIELD_LABELS: Readonly<Record<SystemFieldName, string>> = {
  id: 'ID',
  created_at: 'Created at',
  updated_at: 'Updated at',
  created_by: 'Created by',
  updated_by: 'Updated by',
  owner_id: 'Owner',
};

export function systemFieldAccess(system: SystemFieldIR): PropertyAccess {
  return {
    name: system.name,
    // The only system column not in SYSTEM_FIELD_NAMES is the tenant column, whose name is configurable.
    label: isSystemFieldName(system.name) ? SYSTEM_FIELD_LABELS[system.name] : 'Tenant',
    description: isSystemFieldName(system.name) ? SYSTEM_FIELD_DESCRIPTIONS[system.name] : 'Id of the tenant the record belongs to',
    shape: systemFieldShape(system),
    field: null,
    readable: true,
    nullable: !system.notNull,
    readonly: true,
    requiredOnCreate: false,
  };
}

function systemFieldShape(system: SystemFieldIR): ValueShape {
  switch (system.kind) {
    case 'id':
      return { kind: 'id', reference: null };
    case 'datetime':
      return { kind: 'string', format: 'date-time' };
    case 'user':
    case 'tenant':
      return { kind: 'id', reference: null };
    default:
      return STRING;
  }
}

function isSystemFieldName(name: string): name is SystemFieldName {
  return (SYSTEM_FIELD_NAMES as readonly string[]).includes(name);
}

/**
 * Every property of a record: `id` first, then the declared fields in order, then the other system fields.
 * Memoised per object: the IR is immutable, and the three API emitters of one build all ask for the same objects.
 */
export function recordProperties(object: ObjectIR): readonly PropertyAccess[] {
  const known = propertiesCache.get(object);
  if (known !== undefined) return known;
  const system = object.systemFields.map(systemFieldAccess);
  const declared = object.fields.map((field) => fieldAccess(object, field));
  const properties = Object.freeze([...system.filter((p) => p.name === 'id'), ...declared, ...system.filter((p) => p.name !== 'id')]);
  propertiesCache.set(object, properties);
  return properties;
}

const propertiesCache = new WeakMap<ObjectIR, readonly PropertyAccess[]>();

/** The properties a read returns. */
export function readableProperties(object: ObjectIR): readonly PropertyAccess[] {
  return recordProperties(object).filter((property) => property.readable);
}

/** The properties create and update accept (system fields and readonly/computed fields excluded). */
export function writableProperties(object: ObjectIR): readonly PropertyAccess[] {
  return recordProperties(object).filter((property) => !property.readonly);
}
