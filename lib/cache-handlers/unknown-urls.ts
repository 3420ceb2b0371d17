/*
 * Pages answering 404 for a URL nobody published (a made-up slug, a page past
 * the last) are cheap to render again (the slug index answers without a scan),
 * but keeping each one costs a file on disk or a Redis entry for the page's
 * whole lifetime: 3,000 made-up URLs are 3,000 entries. So the page caches keep
 * them briefly or not at all; the edge still caches each 404 under its `slug:`
 * key, and a publish of that slug purges it there.
 */

/** Redis keeps a 404 page this long (seconds) instead of the route's `expire`. */
export const NOT_FOUND_TTL_SECONDS = 60;

/** A rendered 404 of a dynamic URL; the app's own prerendered not-found page is not one. */
export function isUnknownUrlPage(cacheKey: string, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, status } = value as { kind?: unknown; status?: unknown };
  return (kind === 'APP_PAGE' || kind === 'PAGES') && status === 404 && !cacheKey.endsWith('_not-found');
}
