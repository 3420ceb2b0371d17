import { defineQuery } from 'groq';
import { z } from 'zod';
import { site } from '../site.ts';
import { contentPath, listingFeedPath } from '../urls/paths.ts';
import { safeWebUrl } from '../urls/safe-href.ts';
import { listTag, slugTag } from './cache-tags.ts';
import { cacheLife, tagWithResult } from './cached.ts';
import { articleCount, getDirectory } from './directory.ts';
import { articleCard, articlesReferencingParent, isPublic, ownerFields } from './fragments.ts';
import { withInlineLead } from './lead-image.ts';
import { parseEach, parseOne } from './parse.ts';
import type { Perspective } from './perspective.ts';
import { articleCardSchema, authorOwnerSchema, count, sourceOwnerSchema, tagOwnerSchema, withKindName, type ArticleCard } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * Tag, source and author pages: who or what the page is about, then one page
 * of its articles, newest first. The view model carries the kicker, the
 * description for metadata, the intro, the feed and the paths.
 */

export type ListingKind = 'tag' | 'source' | 'author';

const listingQuery = (kind: ListingKind) =>
  defineQuery(`*[_type == "${kind}" && ${isPublic} && slug.current == $slug][0]{
  ${ownerFields[kind]},
  "total": count(${articlesReferencingParent}),
  "articles": ${articlesReferencingParent} | order(publishedAt desc) [$start...$end] {${articleCard}}
}`);

export const listingQueries = { tag: listingQuery('tag'), source: listingQuery('source'), author: listingQuery('author') };

/** Articles are checked one by one afterwards, so one bad article does not hide the page. */
const listingFields = { total: count, articles: z.array(z.unknown()) };

/** How a tag or source without a description of its own is described (page metadata and its feed). */
export function ownerDescription(kind: 'tag' | 'source', name: string, description: string | undefined): string {
  if (description) return description;
  return kind === 'tag' ? `The latest ${name} news from ${site.name}.` : `Stories from ${name} on ${site.name}.`;
}

type Owner = {
  kicker: string;
  title: string;
  description: string;
  /** Shown on page 1 only. */
  intro: { text?: string; stateAffiliated: boolean; url?: string; host?: string };
  feedPath?: string;
};

const owners = {
  tag: tagOwnerSchema.transform((tag): Owner => ({
    kicker: 'Topic',
    title: tag.title,
    description: ownerDescription('tag', tag.title, tag.description),
    intro: { text: tag.description, stateAffiliated: false },
    feedPath: listingFeedPath('tags', tag.slug),
  })),
  source: sourceOwnerSchema.transform((source): Owner => {
    const url = safeWebUrl(source.url);
    const { kindName } = withKindName(source);
    return {
      kicker: kindName ? `Source · ${kindName}` : 'Source',
      title: source.name,
      description: ownerDescription('source', source.name, source.description),
      intro: { text: source.description, stateAffiliated: source.stateAffiliated, url, host: url ? new URL(url).host : undefined },
      feedPath: listingFeedPath('sources', source.slug),
    };
  }),
  author: authorOwnerSchema.transform((author): Owner => ({
    kicker: author.role ?? 'Author',
    title: author.name,
    description: author.bio ?? `Articles by ${author.name} on ${site.name}.`,
    intro: { text: author.bio, stateAffiliated: false },
  })),
};

export type Listing = Owner & {
  kind: ListingKind;
  /** The path of page 1; page n lives at listingPagePath(basePath, n). */
  basePath: string;
  articles: ArticleCard[];
  total: number;
  countLabel: string;
  page: number;
  pageCount: number;
};

/** One page (1-based) of the articles under a tag, from a source or by an author; null when it does not exist. */
export async function loadListing(
  source: QuerySource,
  kind: ListingKind,
  slug: string,
  page: number,
  pageSize: number = site.pageSize,
  perspective: Perspective = 'published',
) {
  const start = (page - 1) * pageSize;
  const raw = await source.query<unknown>(listingQueries[kind], { slug, start, end: start + pageSize }, perspective);
  const parsed = parseOne(z.looseObject(listingFields), raw, kind);
  const owner = parsed ? parseOne(owners[kind], raw, kind) : null;
  if (!parsed || !owner) return { value: null, raw };
  const value: Listing = {
    ...owner,
    kind,
    basePath: contentPath(`${kind}s`, slug),
    articles: parseEach(articleCardSchema, parsed.articles, 'article'),
    total: parsed.total,
    countLabel: articleCount(parsed.total),
    page,
    pageCount: Math.max(1, Math.ceil(parsed.total / pageSize)),
  };
  return { value, raw };
}

/**
 * One page of a listing, or null for an owner nobody published or a page past the last. Both
 * are answered from the directory (one cached entry per kind), so made-up URLs leave no cache
 * entry each: a crawler's invented URLs must not each keep memory.
 */
export async function getListing(kind: ListingKind, slug: string, page = 1, perspective: Perspective = 'published') {
  if (perspective === 'published') {
    const owner = (await getDirectory(kind)).find((entry) => entry.slug === slug);
    if (!owner || page > Math.max(1, Math.ceil(owner.count / site.pageSize))) return null;
  }
  return getListingEntry(kind, slug, page, perspective);
}

async function getListingEntry(kind: ListingKind, slug: string, page: number, perspective: Perspective) {
  'use cache';
  cacheLife('content');
  const { value, raw } = await loadListing(contentSource(), kind, slug, page, site.pageSize, perspective);
  tagWithResult([listTag('article'), slugTag(kind, slug)], raw);
  return value && { ...value, articles: await withInlineLead(value.articles) };
}
