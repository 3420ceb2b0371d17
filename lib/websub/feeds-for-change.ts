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
 * Slugs come from the webhook projection (docs/editors.md: `tagSlugs`,
 * `sourceSlugs`, `articleSlug`); with the whole document as payload they are
 * read from the references' ids, which are `<type>-<slug>` by convention
 * (docs/conventions.md) — right unless a tag or source was renamed since.
 */

function slugOf(value: unknown): string | undefined {
  const raw = typeof value === 'object' && value !== null ? (value as { current?: unknown }).current : value;
  const slug = typeof raw === 'string' ? raw.trim() : undefined;
  return isSlug(slug) ? slug : undefined;
}

function slugsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(slugOf).filter((slug): slug is string => slug !== undefined) : [];
}

/** Slugs from `[{_ref: "tag-foo"}, …]` by the id convention. */
function slugsFromRefs(value: unknown, type: string): string[] {
  const refs = Array.isArray(value) ? value : value ? [value] : [];
  return refs
    .map((ref) => (typeof ref === 'object' && ref !== null ? (ref as { _ref?: unknown })._ref : undefined))
    .filter((id): id is string => typeof id === 'string' && id.startsWith(`${type}-`))
    .map((id) => slugOf(id.slice(type.length + 1)))
    .filter((slug): slug is string => slug !== undefined);
}

const SITE_FEEDS = [feedPaths.rss, feedPaths.atom, feedPaths.json];

export function feedPathsForChange(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  const doc = payload as Record<string, unknown>;
  const paths: string[] = [];
  const slug = slugOf(doc.slug);
  switch (doc._type) {
    case 'article': {
      paths.push(...SITE_FEEDS);
      const tags = doc.tagSlugs !== undefined ? slugsOf(doc.tagSlugs) : slugsFromRefs(doc.tags, 'tag');
      const sources = doc.sourceSlugs !== undefined ? slugsOf(doc.sourceSlugs) : slugsFromRefs(doc.sources, 'source');
      paths.push(...tags.map((tag) => listingFeedPath('tags', tag)), ...sources.map((source) => listingFeedPath('sources', source)));
      if (slug && typeof doc.coverage === 'string' && doc.coverage !== '') paths.push(liveFeedPath(slug));
      break;
    }
    case 'liveUpdate': {
      const blog = doc.articleSlug !== undefined ? slugOf(doc.articleSlug) : slugsFromRefs(doc.article, 'article')[0];
      if (blog) paths.push(liveFeedPath(blog));
      paths.push(...SITE_FEEDS);
      break;
    }
    case 'tag':
    case 'source':
      if (slug) paths.push(listingFeedPath(doc._type === 'tag' ? 'tags' : 'sources', slug));
      break;
  }
  return [...new Set(paths)];
}
