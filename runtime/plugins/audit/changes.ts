import type { DataEventPayload } from '../../kernel/types.js';

export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

/** Bookkeeping the engine maintains on every write: recorded in the entry itself (who, when), not as changes. */
const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'created_by', 'updated_by']);

/**
 * Field-level before/after of one data event: every value set on insert, every value that differs on update, every
 * value held on delete. Values are compared as JSON, so lists and documents compare by content.
 */
export function fieldChanges(payload: DataEventPayload): Record<string, FieldChange> {
  const before = payload.operation === 'insert' ? {} : (payload.previous ?? {});
  const after = payload.operation === 'delete' ? {} : asRecord(payload.result);
  const changes: Record<string, FieldChange> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(name)) continue;
    const old = before[name] ?? null;
    const now = after[name] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(now)) changes[name] = { before: old, after: now };
  }
  return changes;
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
