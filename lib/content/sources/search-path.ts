import { parse } from 'groq-js';
import { searchBoosts, searchFilter, searchProjection, searchQuery, searchTieBreak } from '../search-query.ts';
import type { IndexedDataset } from './indexed-query.ts';
import { indexablePieces } from './match-tokens.ts';
import { clockTerm, conjunction, conjuncts, isStatic, type ClockTerm } from './static-filter.ts';
import { buildTextIndex, type TextIndex, type TextIndexSpec } from './text-index.ts';
import { rankMatches } from './text-rank.ts';

/*
 * The search query (search-query.ts) on the embedded dataset, answered from a text
 * index instead of groq-js tokenising every article's body per query (1–2.5 s on a
 * 10,000-article archive). The index finds and ranks the matches as the GROQ text
 * would; only the page's projection runs through groq-js, so cards read exactly as
 * before. A call it cannot answer exactly (other `$terms` than plain words and
 * prefixes, odd slice bounds) returns undefined and the query runs as GROQ.
 * tests/unit/search-index-equivalence.test.ts holds the two to the same results.
 */

type Node = ReturnType<typeof parse> & Record<string, unknown>;

/** How the index reads the search filter and score; undefined if the filter has a term it cannot hold (one needing parameters). */
function indexSpec(): TextIndexSpec | undefined {
  const terms = conjuncts(parse(searchFilter) as Node);
  const fixed = terms.filter(isStatic);
  const clocks = terms.filter((term) => !isStatic(term)).map((term) => clockTerm(term));
  if (clocks.some((clock) => clock === undefined)) return undefined;
  return {
    fixed: fixed.length ? conjunction(fixed) : undefined,
    clocks: clocks as ClockTerm[],
    fields: parse(`[${searchBoosts.map(({ field }) => field).join(', ')}]`),
    boosts: searchBoosts.map(({ boost }) => boost),
    tieBreak: (doc) => doc[searchTieBreak],
  };
}

const pageQuery = `$found[] ${searchProjection}`;
const isBound = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export type SearchIndexStats = { builds: number; answered: number };
type Run = (query: string, params: Record<string, unknown>) => Promise<unknown>;

/** One per source: the index of each dataset view, built on its first search. */
export function createSearchPath() {
  const spec = indexSpec();
  const indexes = new WeakMap<IndexedDataset, TextIndex>();
  const stats: SearchIndexStats = { builds: 0, answered: 0 };

  function indexOf(view: IndexedDataset, spec: TextIndexSpec): TextIndex {
    let index = indexes.get(view);
    if (!index) {
      index = buildTextIndex(view.dataset, spec);
      indexes.set(view, index);
      stats.builds++;
    }
    return index;
  }

  return {
    /** The search query's result from the index, or undefined when this call is not one it answers. */
    async answer(view: IndexedDataset, query: string, params: Record<string, unknown>, now: Date, run: Run): Promise<{ value: unknown } | undefined> {
      if (query !== searchQuery || !spec) return undefined;
      const pieces = indexablePieces(params.terms);
      const { start, end } = params;
      if (!pieces || !isBound(start) || !isBound(end)) return undefined;
      const index = indexOf(view, spec);
      if (!index.exact) return undefined;
      const { total, page } = rankMatches(index, pieces, now.getTime(), start, end);
      // score() hands order() a copy of each document with its `_score`; the projection sees the same.
      const found = page.map(({ doc, score }) => ({ ...doc, _score: score }));
      const results = found.length ? await run(pageQuery, { found }) : [];
      stats.answered++;
      return { value: { total, results } };
    },
    stats,
  };
}
