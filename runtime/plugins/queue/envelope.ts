import type { QueueMessage } from './queue-service.js';

/** How a message travels through an external backend (Redis, NATS): one JSON document. */
interface Envelope {
  id: string;
  payload: unknown;
  attempt: number;
  headers: Record<string, string>;
}

export function encodeEnvelope(message: Omit<QueueMessage, 'queue'>): string {
  const envelope: Envelope = {
    id: message.id,
    payload: message.payload,
    attempt: message.attempt,
    headers: { ...message.headers },
  };
  return JSON.stringify(envelope);
}

/**
 * Reads an envelope written by `encodeEnvelope`. Anything else (written by another tool) is delivered as a raw
 * string payload under `fallbackId`, so one foreign entry cannot wedge the queue.
 */
export function decodeEnvelope(text: string, queue: string, fallbackId: string): QueueMessage {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isEnvelope(parsed)) return { queue, ...parsed };
  } catch {
    // not JSON: fall through to the raw form
  }
  return { id: fallbackId, queue, payload: text, attempt: 1, headers: {} };
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Envelope>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.attempt === 'number' &&
    typeof candidate.headers === 'object' &&
    candidate.headers !== null &&
    'payload' in candidate
  );
}
