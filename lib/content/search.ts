import { z } from 'zod';
import { site } from '../site.ts';
import { cacheLife, cacheTag } from './cached.ts';
import { anyTag, listTag } from './cache-tags.ts';
import { parseEach } from './parse.ts';
import { searchQuery } from './search-query.ts';
import { displayQuery, excerptAround, highlightParts, matchPatterns, searchPageNumber, searchTerms, type TextPart } from './search-terms.ts';
import { articleCardFields, withCardView } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

export { searchQuery };

/*
 * Search over headlines, standfirsts and body text. One named query, the
 * same text on Sanity and on the embedded dataset (groq-js implements match,
 * pt::text and score). The embedded source answers it from a text index built
 * once per dataset version, with the same results (sources/search-path.ts): a
 * scan of every body took seconds on a large archive. The reader's words arrive
 * only as `$terms`, already reduced to plain words by searchTerms(). Results
 * come with the searched words marked, and for a body-only match the words
 * around it.
 */

const searchResultSchema = articleCardFields.extend({
  text: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
});

type Found = z.output<typeof searchResultSchema>;

/** Validate, then enhance: the marked title and summary, and an excerpt when only the body matched. */
function withHighlights({ text, ...found }: Found, terms: string[]) {
  const card = withCardView(found);
  const summary = card.summary ?? '';
  const bodyMatch = !highlightParts(`${card.title} ${summary}`, terms).some((part) => part.match);
  return {
    ...card,
    titleParts: highlightParts(card.title, terms),
    summaryParts: summary ? highlightParts(summary, terms) : [],
    excerptParts: bodyMatch && text ? highlightParts(excerptAround(text, terms), terms) : [],
  };
}

export type SearchResult = ReturnType<typeof withHighlights>;
export type SearchPage = { results: SearchResult[]; total: number; page: number; pageCount: number; firstNumber: number };
export type { TextPart };

/** One page (1-based) of matches for already-normalised terms, best first, then newest. */
export async function loadSearch(source: QuerySource, terms: string[], page: number, pageSize: number) {
  const start = (page - 1) * pageSize;
  if (terms.length === 0) return { value: { results: [], total: 0, page: 1, pageCount: 1, firstNumber: 1 } satisfies SearchPage, raw: null };
  const raw = await source.query<{ total?: unknown; results?: unknown } | null>(
    searchQuery,
    { terms: matchPatterns(terms), start, end: start + pageSize },
    'published',
  );
  const total = typeof raw?.total === 'number' ? raw.total : 0;
  const value: SearchPage = {
    results: parseEach(searchResultSchema, raw?.results, 'article').map((found) => withHighlights(found, terms)),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    firstNumber: start + 1,
  };
  return { value, raw };
}

/**
 * Cached briefly, keyed by the normalised terms (so "Tokayev" and " tokayev!"
 * share an entry), and expired with any article change.
 */
export async function getSearchResults(terms: string[], page: number) {
  'use cache';
  cacheLife('minutes');
  // It filters and ranks by headline, standfirst and body: any article edit may change it.
  cacheTag(listTag('article'), anyTag('article'));
  const { value } = await loadSearch(contentSource(), terms, page, site.pageSize);
  return value;
}

export type SearchView = { status: 'empty'; query: '' } | { status: 'no-words'; query: string } | { status: 'results'; query: string; result: SearchPage };

/** The search page from its raw `q` and `page` parameters: what to say, and the results if any. */
export async function search(rawQuery: unknown, rawPage: unknown): Promise<SearchView> {
  const query = displayQuery(rawQuery);
  if (query === '') return { status: 'empty', query: '' };
  const terms = searchTerms(rawQuery);
  if (terms.length === 0) return { status: 'no-words', query };
  return { status: 'results', query, result: await getSearchResults(terms, searchPageNumber(rawPage)) };
}
