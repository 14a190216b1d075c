import type { DataEventPayload, PluginContext, PluginModule } from '../../kernel/types.js';
import type { DataEngine } from '../../data/engine/types.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { AuditLog, type AuditOperation, type AuditQuery, type AuditEntry } from './audit-log.js';
import { answerAuditQuery } from './audit-route.js';
import { fieldChanges } from './changes.js';
import { AuditPluginConfigSchema, type AuditPluginConfigInput } from './config.js';

export type { AuditEntry, AuditQuery, AuditOperation } from './audit-log.js';
export type { FieldChange } from './changes.js';
export type { AuditPluginConfigInput } from './config.js';

/** The `audit` service: the recorded changes, for plugins; callers over HTTP use `GET /api/v1/plugins/audit/entries`. */
export interface AuditService {
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

declare module '../../kernel/types.js' {
  interface ServiceMap {
    audit: AuditService;
  }
}

const DAY_MS = 86_400_000;
const EVENTS: Readonly<Record<string, AuditOperation>> = {
  'data.afterInsert': 'insert',
  'data.afterUpdate': 'update',
  'data.afterDelete': 'delete',
};
const timers = new WeakMap<PluginContext<AuditPluginConfigInput>, NodeJS.Timeout>();

/**
 * `com.objectstack.audit`: records every insert, update and delete of the audited objects in `_audit_log` (who,
 * when, object, record id, operation, field-level before/after) from the data engine's after-events, which the
 * engine awaits, so an entry exists when the write returns. Provides the `audit` service.
 */
const auditPlugin: PluginModule<AuditPluginConfigInput> = {
  async init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, AuditPluginConfigSchema, ctx.config);
    const data = ctx.getService<DataEngine>('data');
    const log = new AuditLog(data.database(), config.table);
    await log.ensureTable();
    const audited = new Set(config.objects);
    for (const [event, operation] of Object.entries(EVENTS)) {
      ctx.events.on<DataEventPayload>(event, async (payload) => {
        if (audited.size > 0 && !audited.has(payload.object)) return;
        await log.append({
          at: new Date().toISOString(),
          userId: payload.userId ?? null,
          object: payload.object,
          recordId: String(payload.id),
          operation,
          changes: fieldChanges(payload),
        });
      });
    }
    ctx.registerService('audit', { list: (query) => log.list(query) } satisfies AuditService);
    ctx.http.route({ method: 'GET', url: '/entries', handler: (request) => answerAuditQuery(request, (query) => log.list(query)) });
    if (config.retentionDays > 0) {
      const prune = () =>
        log
          .prune(new Date(Date.now() - config.retentionDays * DAY_MS))
          .catch((error: unknown) => ctx.logger.error({ err: error }, 'audit retention failed'));
      await prune();
      const timer = setInterval(prune, DAY_MS);
      timer.unref();
      timers.set(ctx, timer);
    }
  },

  destroy(ctx) {
    clearInterval(timers.get(ctx));
    timers.delete(ctx);
  },
};

export default auditPlugin;
