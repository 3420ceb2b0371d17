import { getFeed } from '@/lib/content/feed';
import type { FeedFormat } from '@/lib/urls/paths';
import { conditionalResponse } from '@/lib/http/conditional';

/*
 * The handlers of the feed routes (a private folder: no URL of its own). All
 * they do per request is compare validators against the cached feed.
 */

type SlugContext = { params: Promise<{ slug: string }> };

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The handler of a site-wide feed route (`/feed.xml`, `/atom.xml`, `/feed.json`). */
export function siteFeedHandler(format: FeedFormat) {
  return async (request: Request) => {
    const document = await getFeed(format, { kind: 'site' });
    return document ? conditionalResponse(request, document) : notFound();
  };
}

/** The handler of a tag's or source's RSS feed; an unknown slug is a 404. */
export function scopedFeedHandler(kind: 'tag' | 'source') {
  return async (request: Request, { params }: SlugContext) => {
    const { slug } = await params;
    const document = await getFeed('rss', { kind, slug });
    return document ? conditionalResponse(request, document) : notFound();
  };
}
