import { Redis } from 'ioredis';

/**
 * Opens a Redis connection and waits until it is usable, so that a wrong URL or a stopped server fails at plugin
 * start with one clear line instead of commands queueing forever. After that, reconnects use a capped backoff and
 * connection errors go to `onError` (ioredis would otherwise print them as unhandled).
 */
export async function connectRedis(
  url: string,
  purpose: string,
  onError: (error: Error) => void = () => {},
): Promise<Redis> {
  let firstError: Error | undefined;
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 3 });
  redis.on('error', (error: Error) => {
    firstError ??= error;
    onError(error);
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = (firstError ?? (error instanceof Error ? error : new Error(String(error)))).message;
    throw new Error(
      `Cannot connect to Redis at ${redactUrl(url)} for ${purpose}: ${reason}; check that Redis is running and the url in objectstack.yaml`,
    );
  }
  redis.options.retryStrategy = (times) => Math.min(times * 100, 2000);
  return redis;
}

/** A second connection to the same server, for blocking reads that would stall every other command. */
export async function duplicateRedis(redis: Redis, onError: (error: Error) => void = () => {}): Promise<Redis> {
  const copy = redis.duplicate({ lazyConnect: true });
  copy.on('error', onError);
  await copy.connect();
  return copy;
}

/** Hides a password embedded in the URL before it reaches a log or an error. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
