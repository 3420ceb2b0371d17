import { conditionalResponse } from '../http/conditional.ts';
import { getFeedDocument } from './cached-feed.ts';
import type { FeedFormat } from './document.ts';

type SlugContext = { params: Promise<{ slug: string }> };

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The handler of a site-wide feed route (`/feed.xml`, `/atom.xml`, `/feed.json`). */
export function siteFeedHandler(format: FeedFormat) {
  return async (request: Request) => {
    const document = await getFeedDocument(format, { kind: 'site' });
    return document ? conditionalResponse(request, document) : notFound();
  };
}

/** The handler of a tag's or source's RSS feed; an unknown slug is a 404. */
export function scopedFeedHandler(kind: 'tag' | 'source') {
  return async (request: Request, { params }: SlugContext) => {
    const { slug } = await params;
    const document = await getFeedDocument('rss', { kind, slug });
    return document ? conditionalResponse(request, document) : notFound();
  };
}
