import type { SystemConfig } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { ObjectIR } from '../ir/types.js';
import type { ValidatedObject } from '../validate/validated-stack.js';
import type { PassResult } from './context.js';
import { checkObject } from './object-checks.js';
import { buildObjectIR } from './object-ir.js';
import { checkObjectReferences } from './object-references.js';

export interface ObjectsInput {
  readonly objects: readonly ValidatedObject[];
  /** `manifest.namespace`, when set. */
  readonly namespace: string | undefined;
  readonly tenancy: SystemConfig['tenancy'];
  /** Names under `datasources`. */
  readonly datasources: readonly string[];
  /** Objects whose document failed validation (`ValidatedStack.rejectedObjectNames`). */
  readonly rejected: ReadonlySet<string>;
}

/**
 * Builds every object's IR and checks objects against each other: name collisions across files, the namespace
 * prefix, references, index names (one namespace per database schema) and physical table names. Linear in the
 * number of objects and fields: everything cross-object goes through maps keyed by name.
 */
export function resolveObjects(input: ObjectsInput): PassResult<ObjectIR[]> {
  const diagnostics: PendingDiagnostic[] = [];
  const unique = uniqueObjects(input.objects, diagnostics);
  const context = { tenancy: input.tenancy, hasUserObject: unique.has('user') };
  const objects = [...unique.values()].map(({ def, ref }) => buildObjectIR(def, ref, context));
  const byName = new Map(objects.map((object) => [object.name, object]));
  const datasources = new Set(['default', ...input.datasources]);

  for (const object of objects) {
    if (input.namespace !== undefined) diagnostics.push(...checkNamespace(object, input.namespace));
    diagnostics.push(...checkObject(object), ...checkObjectReferences(object, byName, datasources, input.rejected));
  }
  diagnostics.push(...checkIndexNames(objects), ...checkTableNames(objects), ...checkObjectRenames(objects, byName));
  return { result: objects.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), diagnostics };
}

/** First declaration of each name; every later one is a collision, reported with both locations. */
function uniqueObjects(objects: readonly ValidatedObject[], diagnostics: PendingDiagnostic[]): Map<string, ValidatedObject> {
  const byName = new Map<string, ValidatedObject>();
  for (const object of objects) {
    const first = byName.get(object.def.name);
    if (!first) {
      byName.set(object.def.name, object);
      continue;
    }
    diagnostics.push({
      code: 'OS3008',
      message: `Object '${object.def.name}' is defined twice`,
      at: nameRef(object.ref),
      hint: 'rename one of them, or delete the duplicate',
      related: [{ at: nameRef(first.ref), message: `'${object.def.name}' is first defined here` }],
    });
  }
  return byName;
}

/**
 * Where an object's name is written: its `name` value. When the name comes from a map key or the file name, the
 * locator falls back to the nearest existing node (the key, or the file's first line).
 */
function nameRef(ref: SourceRef): SourceRef {
  return refChild(ref, 'name');
}

function checkNamespace(object: ObjectIR, namespace: string): PendingDiagnostic[] {
  if (object.name.startsWith(`${namespace}_`)) return [];
  return [
    {
      code: 'OS3007',
      message: `Object '${object.name}' does not start with the stack namespace '${namespace}_'`,
      at: nameRef(object.origin),
      hint: `rename it to '${namespace}_${object.name}' (the manifest sets namespace: ${namespace})`,
    },
  ];
}

/** Index names share one namespace per database schema (PostgreSQL), so they must be unique across the stack. */
function checkIndexNames(objects: readonly ObjectIR[]): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const seen = new Map<string, { origin: SourceRef; object: string }>();
  for (const object of objects) {
    for (const index of object.indexes) {
      const first = seen.get(index.name);
      if (!first) {
        seen.set(index.name, { origin: index.origin, object: object.name });
        continue;
      }
      const elsewhere = first.object !== object.name;
      diagnostics.push({
        code: 'OS3009',
        message: `Index name '${index.name}' is used twice${elsewhere ? ` (on '${first.object}' and '${object.name}')` : ''}`,
        at: index.named ? refChild(index.origin, 'name') : index.origin,
        hint: elsewhere
          ? `index names are shared by all tables of a database: rename it, e.g. '${object.table}_${index.name}', or omit \`name\``
          : 'give each index a distinct name, or omit `name` to get a generated one',
        related: [{ at: first.origin, message: `'${index.name}' is first used here` }],
      });
    }
  }
  return diagnostics;
}

/** Object tables and join tables live side by side; two with one name would share storage. */
function checkTableNames(objects: readonly ObjectIR[]): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const tables = new Map<string, SourceRef>();
  const claim = (table: string, at: SourceRef, what: string) => {
    const first = tables.get(table);
    if (!first) {
      tables.set(table, at);
      return;
    }
    diagnostics.push({
      code: 'OS3012',
      message: `Table '${table}' (${what}) is already used by another object or join table`,
      at,
      hint: 'rename the object (or its tableName), or the field',
      related: [{ at: first, message: `'${table}' is first used here` }],
    });
  };
  for (const object of objects) claim(object.table, nameRef(object.origin), `table of '${object.name}'`);
  for (const object of objects) {
    for (const field of object.fields) {
      if (field.joinTable !== null) claim(field.joinTable, field.origin, `join table of '${object.name}.${field.name}'`);
    }
  }
  return diagnostics;
}

/** An object renamed from a name that is still declared, or two objects claiming one old table, would lose rows. */
function checkObjectRenames(objects: readonly ObjectIR[], byName: ReadonlyMap<string, ObjectIR>): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const claimed = new Map<string, ObjectIR>();
  for (const object of objects) {
    const old = object.renamedFrom;
    if (old === null) continue;
    const at = refChild(object.origin, 'renamedFrom');
    const stillDeclared = byName.get(old);
    if (stillDeclared) {
      diagnostics.push({
        code: 'OS3017',
        message: `Object '${object.name}' is renamed from '${old}', but '${old}' is still declared`,
        at,
        hint: `remove the object '${old}' (the rename keeps its rows), or remove renamedFrom`,
        related: [{ at: nameRef(stillDeclared.origin), message: `'${old}' is declared here` }],
      });
    }
    const other = claimed.get(old);
    if (other) {
      diagnostics.push({
        code: 'OS3018',
        message: `Objects '${other.name}' and '${object.name}' are both renamed from '${old}'`,
        at,
        hint: 'one table can become one object: remove renamedFrom from one of them',
        related: [{ at: refChild(other.origin, 'renamedFrom'), message: `'${other.name}' claims it here` }],
      });
    } else {
      claimed.set(old, object);
    }
  }
  return diagnostics;
}
