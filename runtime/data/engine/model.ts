import { recordProperties, isFilterable, isSortable, type PropertyAccess } from '../../../compiler/emit/field-mapping/index.js';
import type { FieldIR, ObjectIR, SystemFieldIR } from '../../../compiler/ir/types.js';
import { logicalColumnOf, type LogicalColumn } from '../../../compiler/migrate/logical-column.js';
import { JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN } from '../../../compiler/migrate/snapshot.js';
import { compileFormula, type CompiledFormula } from './formula/compile.js';

export { JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN };

/** How a stored value is encoded in its column and decoded on read (the same logical types as the migration planner). */
export type StoredKind = 'text' | 'id' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'json' | 'autonumber';

/** One property of a record as the engine handles it: the API view (shared with the emitters) plus its storage. */
export interface PropertyModel {
  readonly name: string;
  readonly access: PropertyAccess;
  /** The declaring field; null for system fields. */
  readonly field: FieldIR | null;
  readonly system: SystemFieldIR | null;
  /** Column in the object's table; null for virtual and join-table fields. */
  readonly column: string | null;
  readonly kind: StoredKind | 'join_table' | 'virtual';
  /** The column as the migration planner declares it (type, length, precision); null without a column of its own. */
  readonly logical: LogicalColumn | null;
  readonly filterable: boolean;
  readonly sortable: boolean;
  /** The referenced object of a lookup-like field (expand target). */
  readonly reference: string | null;
}

/** An object as the engine serves it, derived once from the IR. */
export interface ObjectModel {
  readonly name: string;
  readonly table: string;
  readonly ir: ObjectIR;
  /** Every property in record order: id, declared fields, other system fields. */
  readonly properties: readonly PropertyModel[];
  readonly byName: ReadonlyMap<string, PropertyModel>;
  readonly formulas: readonly { readonly property: PropertyModel; readonly formula: CompiledFormula }[];
  readonly autonumbers: readonly PropertyModel[];
  readonly joinFields: readonly PropertyModel[];
  /** `owner_id` when records have an owner. */
  readonly ownerColumn: string | null;
  readonly tenantColumn: string | null;
  /** Owner-based row access applies (sharingModel `private`). */
  readonly privateSharing: boolean;
  /** Every property is a column of the table (no formulas, roll-ups or join tables): a decoded row is the record. */
  readonly allStored: boolean;
}

export function buildObjectModel(object: ObjectIR): ObjectModel {
  const systemByName = new Map(object.systemFields.map((system) => [system.name, system]));
  const properties = recordProperties(object).map((access): PropertyModel => {
    const system = access.field === null ? (systemByName.get(access.name) ?? null) : null;
    return {
      name: access.name,
      access,
      field: access.field,
      system,
      column: access.field?.column ?? system?.column ?? null,
      kind: storedKindOf(access.field, system),
      logical: access.field?.storage === 'column' ? logicalColumnOf(access.field) : null,
      filterable: isFilterable(access),
      sortable: isSortable(access),
      reference: access.field?.reference ?? null,
    };
  });
  const byName = new Map(properties.map((property) => [property.name, property]));
  const formulas = properties.flatMap((property) => {
    const def = property.field?.def;
    return def?.type === 'formula' ? [{ property, formula: compileFormula(def.expression) }] : [];
  });
  return {
    name: object.name,
    table: object.table,
    ir: object,
    properties,
    byName,
    formulas,
    autonumbers: properties.filter((property) => property.kind === 'autonumber'),
    joinFields: properties.filter((property) => property.kind === 'join_table'),
    ownerColumn: systemByName.get('owner_id')?.column ?? null,
    tenantColumn: object.tenantColumn,
    privateSharing: object.def.sharingModel === 'private',
    allStored: properties.every((property) => property.column !== null) && formulas.length === 0,
  };
}

function storedKindOf(field: FieldIR | null, system: SystemFieldIR | null): PropertyModel['kind'] {
  if (system) return system.kind === 'datetime' ? 'datetime' : 'id';
  if (!field) return 'text';
  if (field.storage === 'virtual') return 'virtual';
  if (field.storage === 'join_table') return 'join_table';
  if (field.type === 'autonumber') return 'autonumber';
  const logical = logicalColumnOf(field);
  switch (logical.type) {
    case 'decimal':
    case 'real':
      return 'number';
    default:
      return logical.type;
  }
}

/** The column of a stored property (the engine only asks for columns of properties it has checked are stored). */
export function columnOf(property: PropertyModel): string {
  if (property.column === null) throw new Error(`internal: ${property.name} has no column`);
  return property.column;
}
