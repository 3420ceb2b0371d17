import type { ResolvedChange } from '../revalidate/change.ts';
import { feedPaths, listingFeedPath, liveFeedPath } from '../urls/paths.ts';
import { isSlug } from '../urls/slug.ts';

/*
 * Which feeds one published change touches, for the WebSub publish ping. Pure:
 * tested case by case (tests/unit/websub.test.ts).
 *
 * - an article: the site's three feeds, its tags' and sources' feeds, and its
 *   own live feed when it is a live blog (`coverage` set);
 * - a live update: its live blog's feed and the site's feeds;
 * - a tag or a source: its own feed.
 *
 * It reads the change the webhook parsed once (lib/revalidate/change.ts), with the slugs of
 * what it references filled in from the projection or the content (referenced-slugs.ts).
 * Each slug passes the one slug rule before it goes into a path.
 */

const SITE_FEEDS = [feedPaths.rss, feedPaths.atom, feedPaths.json];

export function feedPathsForChange(change: ResolvedChange): string[] {
  const paths: string[] = [];
  const slug = isSlug(change.slug) ? change.slug : undefined;
  switch (change.type) {
    case 'article': {
      paths.push(...SITE_FEEDS);
      paths.push(...change.tagSlugs.filter(isSlug).map((tag) => listingFeedPath('tags', tag)));
      paths.push(...change.sourceSlugs.filter(isSlug).map((source) => listingFeedPath('sources', source)));
      if (slug && change.coverage) paths.push(liveFeedPath(slug));
      break;
    }
    case 'liveUpdate': {
      if (isSlug(change.articleSlug)) paths.push(liveFeedPath(change.articleSlug));
      paths.push(...SITE_FEEDS);
      break;
    }
    case 'tag':
    case 'source':
      if (slug) paths.push(listingFeedPath(change.type === 'tag' ? 'tags' : 'sources', slug));
      break;
  }
  return [...new Set(paths)];
}
