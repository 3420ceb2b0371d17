import { defineQuery } from 'groq';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { listTag } from './cache-tags.ts';
import { parseEach } from './parse.ts';
import { articleCard, isPublicArticle } from './queries.ts';
import { articleCardSchema } from './schemas.ts';
import { matchPatterns } from './search-terms.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * Search over headlines, standfirsts and body text. One named query, the
 * same text on Sanity and on the embedded dataset (groq-js implements match,
 * pt::text and score). The reader's words arrive only as `$terms`, already
 * reduced to plain words by searchTerms().
 */

// Every term must appear somewhere in the headline, standfirst or body (match ANDs its patterns).
// coalesce: an article without a standfirst must still be searchable by its body.
const searchable = /* groq */ `[coalesce(title, ""), coalesce(standfirst, ""), coalesce(pt::text(body), "")] match $terms`;

export const searchQuery = defineQuery(`{
  "total": count(*[${isPublicArticle} && ${searchable}]),
  "results": *[${isPublicArticle} && ${searchable}]
    | score(boost(title match $terms, 3), boost(standfirst match $terms, 2), pt::text(body) match $terms)
    | order(_score desc, publishedAt desc) [$start...$end] {
      ${articleCard},
      "text": pt::text(body)
    }
}`);

const searchResultSchema = articleCardSchema.extend({
  text: z.string().nullish().transform((value) => value ?? ''),
});

export type SearchResult = z.infer<typeof searchResultSchema>;
export type SearchPage = { results: SearchResult[]; total: number; page: number; pageCount: number };

/** One page (1-based) of matches for already-normalised terms, best first, then newest. */
export async function loadSearch(source: QuerySource, terms: string[], page: number, pageSize: number) {
  if (terms.length === 0) return { value: { results: [], total: 0, page: 1, pageCount: 1 } satisfies SearchPage, raw: null };
  const start = (page - 1) * pageSize;
  const raw = await source.query<{ total?: unknown; results?: unknown } | null>(
    searchQuery,
    { terms: matchPatterns(terms), start, end: start + pageSize },
    'published',
  );
  const total = typeof raw?.total === 'number' ? raw.total : 0;
  const value: SearchPage = {
    results: parseEach(searchResultSchema, raw?.results, 'article'),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
  return { value, raw };
}

/**
 * Cached briefly, keyed by the normalised terms (so "Tokayev" and " tokayev!"
 * share an entry), and expired with any article change.
 */
export async function getSearchResults(terms: string[], page: number, pageSize: number) {
  'use cache';
  cacheLife('minutes');
  cacheTag(listTag('article'));
  const { value } = await loadSearch(contentSource(), terms, page, pageSize);
  return value;
}
