import type { ObjectIR, StackIR } from '../../compiler/ir/types.js';
import { allows, isExposed, recordProperties, type ApiMethod, type PropertyAccess } from '../../compiler/emit/field-mapping/index.js';
import { suggestion } from '../../compiler/diagnostics/did-you-mean.js';
import type { AccessRules } from '../data/engine/types.js';
import { assignedSets, mergeAccess } from '../plugins/auth/permission-sets.js';
import type { Identity } from '../plugins/auth/identity.js';
import { HttpError } from './errors.js';
import { RecordCodecs } from './rest/record-codecs.js';

/** One exposed object with its properties by name (what query parsing and GraphQL mapping look up). */
export interface ServedObject {
  readonly ir: ObjectIR;
  readonly properties: ReadonlyMap<string, PropertyAccess>;
  /** Request and response schemas of its REST routes, compiled on first use. */
  readonly codecs: RecordCodecs;
}

/**
 * The stack as the HTTP layer serves it at one moment: exposed objects and permission sets. Immutable; `dev`
 * swaps in a new one, and a request keeps the one it started with, so a reload never changes a request midway.
 */
export class ServedStack {
  private readonly objects: ReadonlyMap<string, ServedObject>;
  private readonly accessCache = new Map<string, AccessRules>();

  constructor(readonly ir: StackIR) {
    const objects = new Map<string, ServedObject>();
    for (const object of ir.objects) {
      if (!isExposed(object)) continue;
      const properties = new Map(recordProperties(object).map((p) => [p.name, p]));
      objects.set(object.name, { ir: object, properties, codecs: new RecordCodecs(object.name, properties) });
    }
    this.objects = objects;
  }

  /** Exposed object names, sorted. */
  names(): string[] {
    return [...this.objects.keys()].sort();
  }

  /** The object, or 404 naming the closest exposed object. */
  object(name: string): ServedObject {
    const found = this.objects.get(name);
    if (found) return found;
    const hint = suggestion(name, this.objects.keys());
    throw new HttpError(404, 'not_found', `Unknown object '${name}'${hint ? `: ${hint}` : ''}`, [
      { problem: `no object named '${name}'; GET /api/v1/meta/objects lists them` },
    ]);
  }

  /** The object if it allows the operation (`enable.apiMethods`), else 405. */
  operation(name: string, method: ApiMethod): ServedObject {
    const object = this.object(name);
    if (!allows(object.ir, method)) {
      throw new HttpError(405, 'method_not_allowed', `Object '${name}' does not allow ${method} through the API (enable.apiMethods)`);
    }
    return object;
  }

  /** The merged rules of the permission sets assigned to an identity (cached per combination of sets). */
  accessFor(identity: Identity): AccessRules {
    const sets = this.ir.permissions;
    const names = assignedSets(identity, sets);
    const key = names.join('\u0000');
    let rules = this.accessCache.get(key);
    if (!rules) {
      rules = mergeAccess(names.map((name) => sets[name]!));
      this.accessCache.set(key, rules);
    }
    return rules;
  }
}
