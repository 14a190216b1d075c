/** Absolute expiry (epoch ms) of an entry written at `now` with a lifetime in seconds; 0 means never. */
export function expiryTime(ttlSeconds: number, now: number): number {
  return ttlSeconds > 0 ? now + ttlMilliseconds(ttlSeconds) : 0;
}

/** Seconds (fractions allowed) to whole milliseconds, never rounding a positive lifetime down to "no expiry". */
export function ttlMilliseconds(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}

export function checkTtl(ttlSeconds: number): void {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 0) {
    throw new RangeError(`cache ttlSeconds must be a number >= 0 (0 = never expires), got ${ttlSeconds}`);
  }
}
