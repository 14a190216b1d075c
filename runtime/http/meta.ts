import type { FastifyInstance } from 'fastify';
import type { FieldIR } from '../../compiler/ir/types.js';
import type { AccessRules } from '../data/engine/types.js';
import { HttpError } from './errors.js';
import type { ServedObject } from './served-stack.js';

/** Field metadata as `/api/v1/meta/objects/:name` returns it (the `FieldMetadata` schema of openapi.json). */
export interface FieldMetadata {
  readonly type: string;
  readonly label: string;
  readonly required: boolean;
  readonly readonly: boolean;
  readonly multiple?: boolean;
  readonly reference?: string;
  readonly options?: readonly { readonly value: string; readonly label: string; readonly color?: string }[];
}

export interface ObjectMetadata {
  readonly name: string;
  readonly label: string;
  readonly pluralLabel: string;
  readonly nameField: string | null;
  readonly fields: Readonly<Record<string, FieldMetadata>>;
}

/** `GET /api/v1/meta/objects` and `/api/v1/meta/objects/:name`: what a UI needs to render the objects it may read. */
export function registerMetaRoutes(app: FastifyInstance): void {
  app.get('/api/v1/meta/objects', async (request) => {
    const rules = request.dataContext.permissions;
    const data = request.served
      .names()
      .map((name) => request.served.object(name))
      .filter((object) => mayRead(object, rules))
      .map((object) => objectMetadata(object, rules));
    return { data };
  });

  app.get<{ Params: { name: string } }>('/api/v1/meta/objects/:name', async (request) => {
    const object = request.served.object(request.params.name);
    const rules = request.dataContext.permissions;
    if (!mayRead(object, rules)) {
      throw new HttpError(403, 'forbidden', `Permission denied: reading ${object.ir.name} needs allowRead`, [{ problem: `missing allowRead on ${object.ir.name}` }]);
    }
    return objectMetadata(object, rules);
  });
}

function mayRead(object: ServedObject, rules: AccessRules | undefined): boolean {
  return !rules || rules.objects[object.ir.name]?.allowRead === true;
}

function objectMetadata(object: ServedObject, rules: AccessRules | undefined): ObjectMetadata {
  const fields: Record<string, FieldMetadata> = {};
  for (const field of object.ir.fields) {
    const property = object.properties.get(field.name);
    if (!property?.readable) continue;
    if (rules && rules.fields[`${object.ir.name}.${field.name}`]?.readable === false) continue;
    fields[field.name] = fieldMetadata(field, property.readonly);
  }
  return { name: object.ir.name, label: object.ir.label, pluralLabel: object.ir.pluralLabel, nameField: object.ir.nameField, fields };
}

function fieldMetadata(field: FieldIR, readonly: boolean): FieldMetadata {
  const def = field.def as { readonly required?: boolean; readonly multiple?: boolean; readonly options?: readonly unknown[] };
  const options = def.options?.map(optionOf);
  return {
    type: field.type,
    label: field.label,
    required: def.required === true,
    readonly,
    ...(def.multiple !== undefined && { multiple: def.multiple }),
    ...(field.reference !== null && { reference: field.reference }),
    ...(options !== undefined && { options }),
  };
}

function optionOf(option: unknown): { value: string; label: string; color?: string } {
  if (typeof option === 'string') return { value: option, label: option };
  const { value, label, color } = option as { value: unknown; label?: unknown; color?: unknown };
  return { value: String(value), label: typeof label === 'string' ? label : String(value), ...(typeof color === 'string' && { color }) };
}
