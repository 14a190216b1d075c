import type { BackoffPolicy } from './queue-service.js';

/**
 * Delay before retrying a message whose `attempt`-th delivery failed (attempt starts at 1).
 * `random` is injectable so tests can pin the jitter.
 */
export function retryDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(baseDelay(policy, attempt), policy.maxDelayMs);
  if (policy.jitter <= 0) return Math.round(capped);
  const spread = capped * Math.min(policy.jitter, 1);
  return Math.max(0, Math.round(capped - spread + random() * 2 * spread));
}

function baseDelay(policy: BackoffPolicy, attempt: number): number {
  switch (policy.type) {
    case 'fixed':
      return policy.delayMs;
    case 'linear':
      return policy.delayMs * attempt;
    case 'exponential':
      return policy.delayMs * policy.multiplier ** (attempt - 1);
  }
}
