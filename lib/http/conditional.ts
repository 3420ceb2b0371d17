import { createHash } from 'node:crypto';
import { EDGE_KEYS_HEADER } from '../cache-handlers/edge-keys.ts';

/*
 * Conditional GET for pollers (feed readers, crawlers). The body, its ETag and
 * its Last-Modified are computed once, in a cached getter; each request only
 * compares headers here, which is cheap and pure.
 */

export type Validators = {
  /** A strong entity tag, quoted: `"<hash>"`. */
  etag: string;
  /**
   * When the content last changed (ISO 8601: a string survives the "use cache"
   * serialisation as is); undefined when nothing is dated (an empty feed).
   */
  lastModified?: string;
};

/** A strong ETag: the SHA-1 of the body, so any byte change is a new tag. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** HTTP dates have second precision; compare on that. */
function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** `W/"x"` and `"x"` name the same entity for If-None-Match (weak comparison, RFC 9110 §13.1.2). */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * Whether the client's copy is current. `If-None-Match` wins over
 * `If-Modified-Since` when both are sent (RFC 9110 §13.2.2).
 */
export function isNotModified(headers: Pick<Headers, 'get'>, validators: Validators): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    const wanted = opaque(validators.etag);
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
  }
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince !== null && validators.lastModified && !Number.isNaN(Date.parse(validators.lastModified))) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return seconds(validators.lastModified) <= Math.floor(since / 1000);
  }
  return false;
}

export type CachedBody = Validators & {
  body: string;
  contentType: string;
  /** The cache tags it was built from, as edge keys (lib/cache-handlers/edge-keys.ts), so a publish purges it at the edge. */
  keys?: string;
};

/** Shared caches may keep a feed a minute, then serve it stale while they refetch. */
export const POLLER_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

/** A 200 with the body, or a 304 without it, both carrying the validators. */
export function conditionalResponse(request: Pick<Request, 'headers' | 'method'>, cached: CachedBody, cacheControl: string = POLLER_CACHE_CONTROL): Response {
  const headers = new Headers({ ETag: cached.etag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' });
  // Route handlers never pass through the page cache that adds these to pages.
  if (cached.keys) headers.set(EDGE_KEYS_HEADER, cached.keys);
  const lastModified = cached.lastModified ? new Date(cached.lastModified) : undefined;
  if (lastModified && !Number.isNaN(lastModified.getTime())) headers.set('Last-Modified', lastModified.toUTCString());
  if (isNotModified(request.headers, cached)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', cached.contentType);
  return new Response(request.method === 'HEAD' ? null : cached.body, { status: 200, headers });
}
