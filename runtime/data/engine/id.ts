import { randomFillSync } from 'node:crypto';

/**
 * Record ids are UUIDv7 (RFC 9562) in lowercase hex with dashes, e.g. `019a8f4e-6b1c-7d2e-9f3a-1b2c3d4e5f60`:
 * 48 bits of Unix milliseconds, then random bits. They sort by creation time as text, in both dialects, so
 * indexes stay append-mostly and `id` is a stable tie-breaker for pagination. Within one millisecond the 12-bit
 * sequence field keeps ids of this process increasing.
 */
let lastMs = 0;
let sequence = 0;

/** Random bytes drawn for many ids at once: one `randomBytes` call per id cost more than the rest of the id. */
const ID_BYTES = 16;
const pool = Buffer.alloc(ID_BYTES * 256);
let used = pool.length;

function randomIdBytes(): Buffer {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += ID_BYTES;
  return pool.subarray(used - ID_BYTES, used);
}

export function newRecordId(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  const bytes = randomIdBytes();
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const RECORD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
