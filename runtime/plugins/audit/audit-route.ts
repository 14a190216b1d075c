import { DataError } from '../../data/engine/errors.js';
import type { AccessRules } from '../../data/engine/types.js';
import type { PluginRouteCaller, PluginRouteRequest } from '../../kernel/types.js';
import type { AuditEntry, AuditQuery } from './audit-log.js';

/**
 * `GET /api/v1/plugins/audit/entries?object=&recordId=&limit=&offset=`. The history of an object shows every
 * record's values, so an authenticated caller needs `viewAllRecords` on the object it asks about, and sees only the
 * changes of fields it may read (the same field rules REST and GraphQL apply). Without authentication configured
 * (a loopback-only server) the caller is trusted, like everywhere else.
 */
export async function answerAuditQuery(
  request: PluginRouteRequest,
  list: (query: AuditQuery) => Promise<AuditEntry[]>,
): Promise<{ data: AuditEntry[] }> {
  const query = auditQueryOf(request.query);
  const rules = accessRulesOf(request.caller);
  if (!rules) return { data: await list(query) };
  const object = query.object;
  if (object === undefined) {
    throw new DataError('bad_request', 'Name the object whose history you want: ?object=<name>', [
      { field: 'object', problem: 'required when the server authenticates callers' },
    ]);
  }
  if (!rules.objects[object]?.viewAllRecords) {
    throw new DataError('forbidden', `Permission denied: the audit history of ${object} needs viewAllRecords`, [
      { problem: `missing viewAllRecords on ${object}` },
    ]);
  }
  const readable = (field: string): boolean => rules.fields[`${object}.${field}`]?.readable ?? rules.objects[object]?.allowRead ?? false;
  const entries = await list(query);
  return {
    data: entries.map((entry) => ({
      ...entry,
      changes: Object.fromEntries(Object.entries(entry.changes).filter(([field]) => readable(field))),
    })),
  };
}

/** The HTTP layer hands over the data engine's request context; its `permissions` are the merged access rules. */
function accessRulesOf(caller: PluginRouteCaller): AccessRules | undefined {
  return caller.permissions as AccessRules | undefined;
}

function auditQueryOf(query: PluginRouteRequest['query']): AuditQuery {
  const text = (name: string): string | undefined => {
    const value = query[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const count = (name: string): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 0) {
      throw new DataError('bad_request', `${name} must be a whole number, not "${value}"`, [{ field: name, problem: 'not a whole number' }]);
    }
    return parsed;
  };
  const object = text('object');
  const recordId = text('recordId');
  const limit = count('limit');
  const offset = count('offset');
  return {
    ...(object !== undefined && { object }),
    ...(recordId !== undefined && { recordId }),
    ...(limit !== undefined && { limit: Math.min(limit, 1_000) }),
    ...(offset !== undefined && { offset }),
  };
}
