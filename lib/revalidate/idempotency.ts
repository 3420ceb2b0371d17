/**
 * The idempotency keys (and signatures) of recent deliveries, so a delivery
 * Sanity retries, or one replayed inside the timestamp window, expires
 * nothing twice. Bounded: the oldest entries are dropped first. In memory,
 * per server process; with several instances a repeat only costs a
 * harmless second revalidation.
 */
export type SeenSet = {
  /** True if `key` was recorded before; records it otherwise. */
  checkAndRecord(key: string): boolean;
  has(key: string): boolean;
  readonly size: number;
};

export function createSeenSet(max = 1000): SeenSet {
  const seen = new Set<string>();
  return {
    checkAndRecord(key) {
      if (seen.has(key)) return true;
      seen.add(key);
      if (seen.size > max) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return false;
    },
    has: (key) => seen.has(key),
    get size() {
      return seen.size;
    },
  };
}
