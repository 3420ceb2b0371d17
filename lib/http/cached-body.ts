import { edgeKeysOf } from '../cache-handlers/edge-keys.ts';
import { type CachedBody, etagOf } from './conditional.ts';

/*
 * The thin response layer between a renderer and a route handler (decision
 * 0011): a renderer returns what it drew, content's cached getter calls this
 * inside its "use cache" boundary, so the ETag is hashed and the tags become
 * edge keys once per revalidation, not once per request, and neither content
 * nor the renderers need to know how a validator or a key is spelled.
 */

/** A rendered response body: what a renderer (feed, sitemap) hands back. */
export type RenderedBody = {
  body: string;
  contentType: string;
  /** When what it shows last changed (ISO 8601); undefined when nothing is dated. */
  lastModified?: string;
};

/**
 * The body with its validators and the edge keys of the cache tags it was read
 * under. `identity` is what the ETag is computed over when part of the body
 * must not change it (a timestamp that is not content); the body by default.
 */
export function cachedBody(rendered: RenderedBody, tags: Iterable<string>, identity: string = rendered.body): CachedBody {
  return { ...rendered, etag: etagOf(identity), keys: edgeKeysOf(tags) };
}
