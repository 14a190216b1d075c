import type { BackoffPolicy } from './queue-service.js';

/**
 * Delay before retrying a message whose `attempt`-th delivery failed (attempt starts at 1).
 * `random` is injectable so tests can pin the jitter.
 */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.type === 'exponential' ? policy.delayMs * policy.multiplier ** (attempt - 1) : policy.delayMs;
  const capped = Math.min(base, policy.maxDelayMs);
  if (policy.jitter <= 0) return Math.round(capped);
  const spread = capped * Math.min(policy.jitter, 1);
  return Math.max(0, Math.round(capped - spread + random() * 2 * spread));
}
