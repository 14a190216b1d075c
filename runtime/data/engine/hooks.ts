import { OperationRejectedError } from '../../kernel/errors.js';
import type { DataEventName, DataEventPayload, PluginEvents } from '../../kernel/types.js';
import { DataError } from './errors.js';

/** The part of the kernel's event bus the engine uses (a plugin context's `events`, or a test double of it). */
export type EngineEvents = Pick<PluginEvents, 'emitBefore' | 'emitAndWait' | 'emit' | 'hasListeners'>;

/**
 * The bus when something listens for `event` now, else undefined: `listening(events, name)?.emit(name, {...})`
 * builds no payload (and a before-hook costs no await) for an event nobody subscribed to.
 */
export function listening(events: EngineEvents | undefined, event: DataEventName): EngineEvents | undefined {
  return events !== undefined && events.hasListeners(event) ? events : undefined;
}

/**
 * Runs the before-hooks of a data event; a hook may return a changed payload. A rejection (or a throwing hook:
 * before-hooks fail closed) becomes `DataError` `rejected` (422) carrying the hook's message.
 */
export async function runBefore(events: EngineEvents | undefined, event: DataEventName, payload: DataEventPayload): Promise<DataEventPayload> {
  if (!events) return payload;
  try {
    return await events.emitBefore(event, payload);
  } catch (error) {
    if (error instanceof OperationRejectedError) {
      throw new DataError('rejected', error.message, [{ problem: error.message }], { cause: error });
    }
    throw error;
  }
}

/** After-events of writes are awaited, so that listeners such as the audit log have run when the call returns. */
export async function runAfter(events: EngineEvents | undefined, event: DataEventName, payload: DataEventPayload): Promise<void> {
  await events?.emitAndWait(event, payload);
}
