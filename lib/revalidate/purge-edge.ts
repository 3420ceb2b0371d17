import { edgeKeysOf } from '../cache-handlers/edge-keys.ts';

/*
 * After a publish has expired tags at the origin, the same tags are purged at
 * every edge cache (EDGE_PURGE_URLS): a `PURGE` carrying the tags as xkey keys
 * (encoded by edge-keys.ts, as the pages carry them), to every edge at once,
 * each with a short timeout. A failure is logged and reported, never thrown:
 * the webhook still answers, and the caller decides whether Sanity's retry is welcome.
 */

export type PurgeOptions = {
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
};

const DEFAULT_TIMEOUT_MS = 2000;

/** True when every edge confirmed the purge (trivially true with no edge configured). */
export async function purgeEdges(edgeUrls: readonly string[], tags: readonly string[], options: PurgeOptions = {}): Promise<boolean> {
  const keys = edgeKeysOf(tags);
  if (edgeUrls.length === 0 || keys === '') return true;
  const send = options.fetch ?? fetch;
  const log = options.log ?? ((message: string) => console.warn(message));
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results = await Promise.all(
    edgeUrls.map(async (url) => {
      try {
        const response = await send(url, { method: 'PURGE', headers: { 'xkey-purge': keys }, signal: AbortSignal.timeout(timeout) });
        await response.body?.cancel();
        if (response.ok) return true;
        log(`[edge] purge at ${url} refused (${response.status}) for ${keys}`);
      } catch (error) {
        log(`[edge] purge at ${url} failed (${(error as Error).name}: ${(error as Error).message}) for ${keys}`);
      }
      return false;
    }),
  );
  return results.every(Boolean);
}
