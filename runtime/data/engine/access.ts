import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DataError } from './errors.js';
import type { ObjectModel, PropertyModel } from './model.js';
import type { RequestContext } from './types.js';

export type ObjectRight = 'allowRead' | 'allowCreate' | 'allowEdit' | 'allowDelete';

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
  rowScope(mode: 'read' | 'write'): RawBuilder<SqlBool> | undefined {
    const parts: RawBuilder<SqlBool>[] = [];
    const { model, ctx } = this;
    const object = this.objectRules();
    const bypass = mode === 'read' ? object?.viewAllRecords || object?.modifyAllRecords : object?.modifyAllRecords;
    if (this.rules && model.privateSharing && model.ownerColumn && !bypass) {
      parts.push(
        ctx.userId !== undefined ? sql<SqlBool>`${sql.ref(`${model.table}.${model.ownerColumn}`)} = ${ctx.userId}` : sql<SqlBool>`1 = 0`,
      );
    }
    if (model.tenantColumn && ctx.tenantId !== undefined) {
      parts.push(sql<SqlBool>`${sql.ref(`${model.table}.${model.tenantColumn}`)} = ${ctx.tenantId}`);
    }
    return parts.length === 0 ? undefined : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  }
}
