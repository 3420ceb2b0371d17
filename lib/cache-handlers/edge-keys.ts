/*
 * The cache tags of a response, as surrogate keys the edge (Varnish xkey,
 * deploy/varnish.vcl) indexes. The one place tags are turned into keys: the
 * page caches (who write them into each entry's headers) and the publish
 * purge (lib/revalidate/purge-edge.ts) must encode a tag the same way.
 *
 * xkey splits a key list on spaces and commas, which a slug may hold, so each
 * tag is percent-encoded (`:` kept for readability; `%` itself is encoded, so
 * two tags never share a key). Next's implicit path tags (`_N_T_…`) are left
 * out: nothing purges by them and they would only lengthen the header.
 */

/** The response header that carries the keys from an instance to the edge (stripped there). */
export const EDGE_KEYS_HEADER = 'x-nmn-keys';

const NEXT_TAGS_HEADER = 'x-next-cache-tags';
const IMPLICIT_TAG = '_N_T_';

export function edgeKey(tag: string): string {
  return encodeURIComponent(tag).replaceAll('%3A', ':');
}

/** The header value for a list of tags: encoded, deduplicated, space-separated. */
export function edgeKeysOf(tags: Iterable<string>): string {
  const keys = new Set<string>();
  for (const tag of tags) {
    if (tag !== '' && !tag.startsWith(IMPLICIT_TAG)) keys.add(edgeKey(tag));
  }
  return [...keys].join(' ');
}

type HeaderRecord = Record<string, string | string[] | number | undefined>;

/**
 * Copies a cache entry's tags (Next's own header, which `next start` never
 * sends) into ours, which Next sends with the page on a fresh render and on a
 * cached one alike. Mutates the entry's header object: Next serves a fresh
 * render from the very object it hands the handler's `set`.
 */
export function addEdgeKeys(value: unknown): void {
  if (typeof value !== 'object' || value === null || !('headers' in value)) return;
  const headers = (value as { headers?: HeaderRecord }).headers;
  // Already there: Next's memory cache hands back the same entry on every hit.
  if (!headers || headers[EDGE_KEYS_HEADER] !== undefined) return;
  const tags = headers[NEXT_TAGS_HEADER];
  if (typeof tags !== 'string' || tags === '') return;
  const keys = edgeKeysOf(tags.split(','));
  if (keys !== '') headers[EDGE_KEYS_HEADER] = keys;
}
