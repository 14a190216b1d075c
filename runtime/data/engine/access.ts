import { sql, type SqlBool } from 'kysely';
import { DataError } from './errors.js';
import type { ObjectModel, PropertyModel } from './model.js';
import { combine, FALSE, predicate, type Predicate } from './predicate.js';
import type { RequestContext } from './types.js';

export type ObjectRight = 'allowRead' | 'allowCreate' | 'allowEdit' | 'allowDelete';

/**
 * Readable property names by rules and model. Rules objects are shared per combination of permission sets (the
 * server caches them), so this holds a few entries, and forgets them with the rules or models they belong to.
 */
const readableCache = new WeakMap<object, WeakMap<ObjectModel, ReadonlySet<string>>>();
const TRUSTED_RULES = {};

const VERBS: Readonly<Record<ObjectRight, string>> = { allowRead: 'read', allowCreate: 'create', allowEdit: 'edit', allowDelete: 'delete' };

/**
 * What one request may do on one object: the permission rules of the context applied to the object's model. A
 * context without `permissions` is trusted and may do everything. Shared by every engine operation, so REST and
 * GraphQL enforce the same rules.
 */
export class ObjectAccess {
  constructor(
    private readonly model: ObjectModel,
    private readonly ctx: RequestContext,
  ) {}

  private get rules() {
    return this.ctx.permissions;
  }

  private objectRules() {
    return this.rules?.objects[this.model.name];
  }

  /** 403 naming the missing permission. */
  require(right: ObjectRight): void {
    if (!this.rules || this.objectRules()?.[right]) return;
    throw new DataError('forbidden', `Permission denied: ${VERBS[right]} on ${this.model.name} needs ${right}`, [
      { problem: `missing ${right} on ${this.model.name}` },
    ]);
  }

  canRead(property: PropertyModel): boolean {
    if (!property.access.readable) return false;
    if (!this.rules || property.name === 'id') return true;
    const field = this.rules.fields[`${this.model.name}.${property.name}`];
    return field ? field.readable : (this.objectRules()?.allowRead ?? false);
  }

  /** The names of the properties this request may read (the same set for every request with the same rules). */
  readableNames(): ReadonlySet<string> {
    const rules = this.rules ?? TRUSTED_RULES;
    let byModel = readableCache.get(rules);
    if (!byModel) {
      byModel = new WeakMap();
      readableCache.set(rules, byModel);
    }
    let names = byModel.get(this.model);
    if (!names) {
      names = new Set(this.model.properties.filter((property) => this.canRead(property)).map((property) => property.name));
      byModel.set(this.model, names);
    }
    return names;
  }

  canEdit(property: PropertyModel): boolean {
    if (!this.rules) return true;
    const field = this.rules.fields[`${this.model.name}.${property.name}`];
    const object = this.objectRules();
    return field ? field.editable : (object?.allowEdit ?? false) || (object?.allowCreate ?? false);
  }

  /**
   * Records this request may see (`read`) or change (`write`): with a private sharing model, only its own records
   * unless it has viewAllRecords (read) or modifyAllRecords; and only its tenant's records on tenant-scoped objects.
   */
  rowScope(mode: 'read' | 'write'): Predicate | undefined {
    const { model, ctx } = this;
    // Trusted and untenanted (every request of a server without auth or tenancy): nothing to narrow, nothing built.
    if (!this.rules && (!model.tenantColumn || ctx.tenantId === undefined)) return undefined;
    const parts: Predicate[] = [];
    const object = this.objectRules();
    const bypass = mode === 'read' ? object?.viewAllRecords || object?.modifyAllRecords : object?.modifyAllRecords;
    const owner = model.ownerColumn;
    if (this.rules && model.privateSharing && owner && !bypass) {
      parts.push(ctx.userId !== undefined ? predicate('owner', [ctx.userId], (slots) => sql<SqlBool>`${sql.ref(`${model.table}.${owner}`)} = ${slots.take()}`) : FALSE);
    }
    const tenant = model.tenantColumn;
    if (tenant && ctx.tenantId !== undefined) {
      parts.push(predicate('tenant', [ctx.tenantId], (slots) => sql<SqlBool>`${sql.ref(`${model.table}.${tenant}`)} = ${slots.take()}`));
    }
    return parts.length === 0 ? undefined : combine(parts, 'and');
  }
}
