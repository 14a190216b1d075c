import { toError } from './errors.js';
import type { HealthCheckResult, HealthStatus, MaybePromise, PluginHealth } from './types.js';

const SEVERITY: Readonly<Record<HealthStatus, number>> = { healthy: 0, degraded: 1, unhealthy: 2, failed: 3 };

export function worstStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'healthy';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/**
 * Runs one plugin's `healthCheck()` bounded by `timeoutMs`: a check that throws or does not answer in time makes
 * the plugin `unhealthy` with the reason, never an error of the health endpoint itself.
 */
export async function runHealthCheck(
  id: string,
  check: () => MaybePromise<HealthStatus | HealthCheckResult>,
  timeoutMs: number,
): Promise<PluginHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'unhealthy', message: `health check timed out after ${timeoutMs} ms (OS7016)` }),
      timeoutMs,
    );
  });
  try {
    const answer = await Promise.race([Promise.resolve().then(check), timeout]);
    const result: HealthCheckResult = typeof answer === 'string' ? { status: answer } : answer;
    return { id, latencyMs: elapsed(started), ...result };
  } catch (thrown) {
    return { id, status: 'unhealthy', latencyMs: elapsed(started), message: `health check failed: ${toError(thrown).message}` };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
