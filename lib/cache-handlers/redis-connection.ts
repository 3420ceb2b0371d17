import { createClient } from 'redis';

/*
 * One Redis connection per process, shared by the page cache and the
 * "use cache" handler, that never makes a request wait on a dead Redis:
 * - connect and every command have short timeouts, and commands issued while
 *   disconnected fail at once (no offline queue) instead of piling up;
 * - after a failure the connection is dropped and the next attempt is made by a
 *   request at most once per `retryAfterMs`, so there is no background retry
 *   loop (and no timer that would keep `next build` workers alive);
 * - an outage is logged once when it starts and once when Redis is back.
 * Callers get a fallback value instead of an exception: a miss for reads,
 * `false` for writes, so the site renders fresh instead of failing.
 */

type Client = ReturnType<typeof createClient>;

export type RedisConnectionOptions = {
  url: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  retryAfterMs?: number;
  log?: (message: string) => void;
};

export type RedisConnection = {
  run<T, F>(operation: (client: Client) => Promise<T>, fallback: F): Promise<T | F>;
  /** Whether the last attempt reached Redis; for logs and tests. */
  isUp(): boolean;
  close(): Promise<void>;
};

export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const connectTimeout = options.connectTimeoutMs ?? 500;
  const commandTimeout = options.commandTimeoutMs ?? 500;
  const retryAfter = options.retryAfterMs ?? 1000;
  const log = options.log ?? ((message: string) => console.warn(message));
  const where = redactedUrl(options.url);

  let client: Client | undefined;
  let connecting: Promise<Client | undefined> | undefined;
  let down = false;
  let nextAttemptAt = 0;
  let closed = false;

  function markDown(error: unknown, failed: Client | undefined) {
    if (failed && client === failed) client = undefined;
    if (failed?.isOpen) failed.destroy();
    nextAttemptAt = Date.now() + retryAfter;
    if (!down) {
      down = true;
      log(`[cache] Redis at ${where} is unreachable (${describe(error)}); serving without the shared cache until it is back`);
    }
  }

  async function ready(): Promise<Client | undefined> {
    if (closed) return undefined;
    if (client?.isReady) return client;
    if (connecting) return connecting;
    if (Date.now() < nextAttemptAt) return undefined;
    connecting = (async () => {
      const fresh: Client = createClient({
        url: options.url,
        socket: { connectTimeout, reconnectStrategy: false },
        disableOfflineQueue: true,
        commandOptions: { timeout: commandTimeout },
      });
      // Without a listener an 'error' event would crash the server. Only the live
      // connection's errors are an outage: a failed attempt is handled below, and
      // its late events must not end the outage's "back" state twice.
      fresh.on('error', (error: unknown) => {
        if (client === fresh) markDown(error, fresh);
      });
      fresh.unref();
      try {
        await fresh.connect();
        client = fresh;
        if (down) {
          down = false;
          log(`[cache] Redis at ${where} is back; using the shared cache again`);
        }
        return fresh;
      } catch (error) {
        markDown(error, fresh);
        return undefined;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  }

  return {
    async run(operation, fallback) {
      const current = await ready();
      if (!current) return fallback;
      try {
        return await operation(current);
      } catch (error) {
        // A command refused by a live server (a bad argument, a full memory) is that one
        // operation's failure, not an outage: only a lost connection or a timeout is.
        if (current.isReady && !isTimeout(error)) {
          log(`[cache] Redis refused a command: ${(error as Error).message}`);
          return fallback;
        }
        markDown(error, current);
        return fallback;
      }
    },
    isUp: () => !down && client?.isReady === true,
    async close() {
      closed = true;
      const current = client;
      client = undefined;
      if (current?.isOpen) await current.close().catch(() => current.destroy());
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  return error instanceof Error ? `${error.name}: ${error.message || (error as { code?: string }).code || 'no message'}` : String(error);
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid REDIS_URL)';
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout/i.test(`${error.name} ${error.message}`);
}
