import { recordProperties } from '../../../compiler/emit/field-mapping/index.js';
import type { ValueShape } from '../../../compiler/emit/field-mapping/index.js';
import type { ObjectIR } from '../../../compiler/ir/types.js';
import type { Field, FieldType } from '../../../schemas/index.js';

/** One property of a record as UI clients see it: declared fields and the platform's system fields alike. */
export interface FieldMetadata {
  readonly name: string;
  readonly label: string;
  /** The declared type, or `system` for id, timestamps, authors, owner and tenant. */
  readonly type: FieldType | 'system';
  readonly description: string | null;
  /** The API value: the same shape the generated types, SDL and OpenAPI use. */
  readonly shape: ValueShape;
  readonly requiredOnCreate: boolean;
  readonly readonly: boolean;
  readonly nullable: boolean;
  readonly hidden: boolean;
  /** The referenced object of lookup-like fields. */
  readonly reference: string | null;
  /** The field as declared (defaults applied); null for system fields. */
  readonly definition: Field | null;
}

export interface ObjectMetadata {
  readonly name: string;
  readonly label: string;
  readonly pluralLabel: string;
  readonly description: string | null;
  readonly icon: string | null;
  readonly nameField: string | null;
  /** Readable properties in record order: id, declared fields, other system fields. */
  readonly fields: readonly FieldMetadata[];
}

/** The `metadata` service: object definitions at runtime, for plugins and the HTTP layer's `/api/v1/meta`. */
export class MetadataService {
  private readonly objects: ReadonlyMap<string, ObjectMetadata>;

  constructor(objects: readonly ObjectIR[], options: { readonly includeHidden: boolean }) {
    const sorted = [...objects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.objects = new Map(sorted.map((object) => [object.name, objectMetadata(object, options.includeHidden)]));
  }

  /** Every object, sorted by name. */
  listObjects(): readonly ObjectMetadata[] {
    return [...this.objects.values()];
  }

  getObject(name: string): ObjectMetadata | undefined {
    return this.objects.get(name);
  }

  getField(object: string, field: string): FieldMetadata | undefined {
    return this.objects.get(object)?.fields.find((candidate) => candidate.name === field);
  }
}

function objectMetadata(object: ObjectIR, includeHidden: boolean): ObjectMetadata {
  const fields = recordProperties(object)
    .filter((property) => property.readable && (includeHidden || !property.field?.def.hidden))
    .map((property): FieldMetadata => ({
      name: property.name,
      label: property.label,
      type: property.field?.type ?? 'system',
      description: property.description,
      shape: property.shape,
      requiredOnCreate: property.requiredOnCreate,
      readonly: property.readonly,
      nullable: property.nullable,
      hidden: property.field?.def.hidden ?? false,
      reference: property.field?.reference ?? null,
      definition: (property.field?.def as Field | undefined) ?? null,
    }));
  return {
    name: object.name,
    label: object.label,
    pluralLabel: object.pluralLabel,
    description: object.def.description ?? null,
    icon: object.def.icon ?? null,
    nameField: object.nameField,
    fields,
  };
}
