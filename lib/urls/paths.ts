/**
 * The site's public URL paths (CONTENT-MODEL.md), built in one place so every
 * link, canonical, feed and sitemap agrees, and slugs from content are encoded.
 */
export type PathKind = 'articles' | 'tags' | 'sources' | 'authors';

export function contentPath(kind: PathKind, slug: string): string {
  return `/${kind}/${encodeURIComponent(slug)}`;
}

export const articlePath = (slug: string) => contentPath('articles', slug);
export const tagPath = (slug: string) => contentPath('tags', slug);
export const sourcePath = (slug: string) => contentPath('sources', slug);
export const authorPath = (slug: string) => contentPath('authors', slug);

/** A listing's page n: page 1 lives at `base`, page n ≥ 2 at `base/page/n`, so every page can be static. */
export function listingPagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}/page/${page}`;
}

/** The RSS feed of one tag or source. */
export function listingFeedPath(kind: 'tags' | 'sources', slug: string): string {
  return `${contentPath(kind, slug)}/feed.xml`;
}

/** A live blog's RSS feed of its updates. */
export const liveFeedPath = (slug: string) => `${articlePath(slug)}/feed.xml`;

/** What a live blog's island polls: its newest updates as JSON. */
export const liveUpdatesPath = (slug: string) => `${articlePath(slug)}/updates.json`;

/** The site-wide feeds, by format. */
export const feedPaths = { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' } as const;

export type FeedFormat = keyof typeof feedPaths;

/** Which articles a feed carries: the whole site's, one tag's or one source's. */
export type FeedScope = { kind: 'site' } | { kind: 'tag'; slug: string } | { kind: 'source'; slug: string };

/** Where a feed lives. Tag and source feeds exist in RSS only. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  return scope.kind === 'site' ? feedPaths[format] : listingFeedPath(`${scope.kind}s`, scope.slug);
}

/** The page a feed mirrors: the front page, or the tag's or source's page. */
export function feedPagePath(scope: FeedScope): string {
  return scope.kind === 'site' ? '/' : contentPath(`${scope.kind}s`, scope.slug);
}

export const SEARCH_PATH = '/search';

/** A search results page; page 1 carries no page parameter. */
export function searchPath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `${SEARCH_PATH}?${params.toString()}`;
}

/** A page number from a URL: a whole number from 1 to 99,999, else null. */
export function parsePageNumber(value: string | null | undefined): number | null {
  return typeof value === 'string' && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null;
}
