import type { RedisConnection } from './redis-connection.ts';

/*
 * Tag invalidations shared by every instance: two Redis hashes, tag → ms
 * timestamp. `expired` is when entries carrying the tag stop being served;
 * `stale` is when they start being refreshed in the background. The webhook's
 * `revalidateTag(tag, { expire: 0 })` sets both to now, so the next read on
 * any instance regenerates in the foreground. The hashes grow with the number
 * of distinct tags (documents, types, slugs): small for a news site.
 */

export type TagState = { expired?: number; stale?: number };
export type Durations = { expire?: number };

export function tagKeys(prefix: string) {
  return { expired: `${prefix}tags:expired`, stale: `${prefix}tags:stale` };
}

/** What Next's built-in manifest records for one invalidation, as plain numbers. */
export function tagUpdate(now: number, durations?: Durations): TagState {
  if (!durations) return { expired: now };
  return durations.expire === undefined ? { stale: now } : { stale: now, expired: now + durations.expire * 1000 };
}

/** An invalidation in force now that happened after the entry was made. */
export function isExpiredFor(state: TagState, entryTimestamp: number, now: number): boolean {
  return state.expired !== undefined && state.expired <= now && state.expired > entryTimestamp;
}

export function isStaleFor(state: TagState, entryTimestamp: number): boolean {
  return state.stale !== undefined && state.stale > entryTimestamp;
}

export type TagVerdict = 'fresh' | 'stale' | 'expired';

export function verdictFor(states: TagState[], entryTimestamp: number, now: number): TagVerdict {
  if (states.some((state) => isExpiredFor(state, entryTimestamp, now))) return 'expired';
  if (states.some((state) => isStaleFor(state, entryTimestamp))) return 'stale';
  return 'fresh';
}

export async function writeTagUpdates(redis: RedisConnection, prefix: string, tags: string[], durations?: Durations): Promise<boolean> {
  if (tags.length === 0) return true;
  const update = tagUpdate(Date.now(), durations);
  const keys = tagKeys(prefix);
  return redis.run(async (client) => {
    const multi = client.multi();
    for (const tag of tags) {
      if (update.expired !== undefined) multi.hSet(keys.expired, tag, String(update.expired));
      if (update.stale !== undefined) multi.hSet(keys.stale, tag, String(update.stale));
    }
    await multi.exec();
    return true;
  }, false);
}

/** The shared state of each tag, in order; `undefined` when Redis is unreachable. */
export async function readTagStates(redis: RedisConnection, prefix: string, tags: string[]): Promise<TagState[] | undefined> {
  if (tags.length === 0) return [];
  const keys = tagKeys(prefix);
  return redis.run(async (client) => {
    const [expired, stale] = await Promise.all([client.hmGet(keys.expired, tags), client.hmGet(keys.stale, tags)]);
    return tags.map((_tag, index) => ({ expired: numberOrUndefined(expired[index]), stale: numberOrUndefined(stale[index]) }));
  }, undefined);
}

function numberOrUndefined(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}
