/*
 * A per-client request budget for the one route whose every request does fresh
 * work (/search: dynamic, its results cached only per query). Pure and in
 * memory: one process, one budget per client. Token bucket: a client may burst
 * up to `limit` requests, then gets one more every `windowMs / limit`. Memory is
 * bounded by `maxKeys`; a full bucket is the same as no entry, so those go first.
 * See docs/security.md for how clients are told apart and the trade-offs.
 */

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  take(key: string): RateLimitDecision;
  /** How many clients are tracked now (for tests and the memory bound). */
  size(): number;
};

export type RateLimitOptions = {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
};

type Bucket = { tokens: number; at: number };

export const DEFAULT_MAX_KEYS = 10_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs } = options;
  if (!(limit >= 1) || !(windowMs > 0)) throw new Error(`rate limit needs limit >= 1 and windowMs > 0, got ${limit} and ${windowMs}`);
  const maxKeys = Math.max(1, options.maxKeys ?? DEFAULT_MAX_KEYS);
  const now = options.now ?? Date.now;
  const perMs = limit / windowMs;
  // Map keeps insertion order: re-inserting on every use makes the first key the least recently seen.
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, at: number): number {
    return Math.min(limit, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
  }

  function makeRoom(at: number): void {
    for (const [key, bucket] of buckets) {
      if (buckets.size < maxKeys) return;
      if (refilled(bucket, at) >= limit) buckets.delete(key);
    }
    // Still full of active clients: forget the least recently seen (it gets a fresh budget).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) return;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      const existing = buckets.get(key);
      if (existing) buckets.delete(key);
      else if (buckets.size >= maxKeys) makeRoom(at);
      const tokens = existing ? refilled(existing, at) : limit;
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at });
        return { allowed: true, remaining: Math.floor(tokens - 1) };
      }
      buckets.set(key, { tokens, at });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    size: () => buckets.size,
  };
}

export type RateLimitConfig = { limit: number; windowMs: number; trustProxy: boolean };

export const DEFAULT_SEARCH_LIMIT = 30;
export const DEFAULT_SEARCH_WINDOW_SECONDS = 60;

// The variables that set these are read by rateLimitConfigFrom in lib/env.ts.

/** The key every client shares when nothing trustworthy tells them apart. */
export const SHARED_CLIENT = 'shared';

const MAX_KEY_LENGTH = 64;

/**
 * Who is asking. Behind our own proxy (`trustProxy`), the right-most
 * X-Forwarded-For entry is the address that proxy saw (nginx's
 * `$proxy_add_x_forwarded_for` appends it); entries to its left come from the
 * client and can be forged. Without a trusted proxy every header is the
 * client's word, so all clients share one budget rather than choose their own.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return SHARED_CLIENT;
  const forwarded = headers.get('x-forwarded-for');
  const rightMost = forwarded?.split(',').at(-1)?.trim();
  const address = rightMost || headers.get('x-real-ip')?.trim();
  return address ? address.slice(0, MAX_KEY_LENGTH) : SHARED_CLIENT;
}
