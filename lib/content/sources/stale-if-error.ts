import type { Perspective } from '../perspective.ts';
import type { QuerySource } from './query-source.ts';

/*
 * Stale-if-error for the data layer: the last good result of each query (text,
 * parameters, perspective) is kept, and while the source fails (a garbled or
 * unreadable dataset file, Sanity answering 500, a timeout) that result is
 * served instead of the error. So a page the publish webhook has just expired
 * re-renders with the last good content rather than turning into an error page.
 *
 * Every answer is kept, empty ones too: a site without a settings document
 * renders without a banner during an outage, and a deleted or unpublished
 * document stays gone (its null replaces the earlier result). At most
 * `maxEntries` results in memory, least recently used dropped first; a copy
 * where a restart finds it (`shared`: the build folder, which `next build`
 * seeds and no flood of other queries can push out, and Redis with several
 * instances). A query that never succeeded still throws; the page then keeps
 * its own last version, or answers an error. An outage is logged once when it
 * starts and once when the source is back.
 */

/** A store that outlives the process (disk, Redis): the last good results as JSON text, by query key. */
export type SharedLastGood = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
};

export type StaleIfErrorOptions = {
  maxEntries?: number;
  log?: (message: string) => void;
  now?: () => number;
  /** Also keep results where a restart and other instances find them (lib/cache-handlers/last-good-store.ts). */
  shared?: SharedLastGood;
};

export const DEFAULT_MAX_ENTRIES = 1000;

function keyOf(query: string, params: Record<string, unknown>, perspective: Perspective): string {
  const sorted = Object.keys(params)
    .sort()
    .map((name) => [name, params[name]]);
  return `${perspective}\u0000${query}\u0000${JSON.stringify(sorted)}`;
}

export function withStaleIfError(source: QuerySource, options: StaleIfErrorOptions = {}): QuerySource {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const log = options.log ?? ((message: string) => console.warn(message));
  const now = options.now ?? Date.now;
  const shared = options.shared;
  // JSON text: a result handed back later cannot have been changed by whoever used it.
  const lastGood = new Map<string, string>();
  let failingSince: number | undefined;

  function remember(key: string, value: unknown) {
    const previous = lastGood.get(key);
    lastGood.delete(key);
    // Not an answer a source gives (GROQ answers null for nothing): nothing to keep.
    if (value === undefined) return;
    const text = JSON.stringify(value);
    lastGood.set(key, text);
    if (lastGood.size > maxEntries) {
      const oldest = lastGood.keys().next().value;
      if (oldest !== undefined) lastGood.delete(oldest);
    }
    // Written only when it changed; never awaited: a slow Redis or disk must not slow a render.
    if (shared && text !== previous) void shared.set(key, text).catch(() => undefined);
  }

  async function recall(key: string): Promise<string | undefined> {
    const local = lastGood.get(key);
    if (local !== undefined) {
      // Touch it: a result served during an outage is one worth keeping longest.
      lastGood.delete(key);
      lastGood.set(key, local);
      return local;
    }
    return shared?.get(key).catch(() => undefined);
  }

  return {
    name: source.name,
    async query<T>(query: string, params: Record<string, unknown>, perspective: Perspective): Promise<T> {
      const key = keyOf(query, params, perspective);
      try {
        const value = await source.query<T>(query, params, perspective);
        if (failingSince !== undefined) {
          log(`[content] the ${source.name} source answers again after ${Math.round((now() - failingSince) / 1000)} s; serving fresh content`);
          failingSince = undefined;
        }
        remember(key, value);
        return value;
      } catch (error) {
        if (failingSince === undefined) {
          failingSince = now();
          log(`[content] the ${source.name} source fails (${(error as Error).message}); serving the last good results until it answers again`);
        }
        const text = await recall(key);
        if (text === undefined) throw error;
        return JSON.parse(text) as T;
      }
    },
    describe() {
      const described = source.describe();
      return failingSince === undefined ? described : { ...described, servingLastGoodSince: new Date(failingSince).toISOString() };
    },
  };
}
