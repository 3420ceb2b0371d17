import { evaluate, parse } from 'groq-js';
import { loadSearch, searchQuery } from '../../lib/content/search.ts';
import { matchPatterns, searchTerms } from '../../lib/content/search-terms.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';
import { readDatasetFile, resolveDatasetFile } from '../../lib/dataset/ndjson.ts';
import { site } from '../../lib/site.ts';
import type { BenchSection } from './context.ts';
import { median } from './table.ts';
import { int, ms } from './table.ts';

/*
 * What a reader's search costs the embedded source, in process: the search page's own
 * loader (query, cards, highlights; no cache) on the sample and on the generated archive,
 * over words every article holds, two words, a prefix, a quoted phrase, a rare word, a
 * miss and another script. The first search builds the text index and is reported on its
 * own; the same searches as the plain groq-js scan the index replaced are the baseline.
 */

type Figures = { articles: number; searches: number; p95Ms: number; medianMs: number; firstMs: number; scanMedianMs: number; indexed: number };
type Search = { sample: Figures; archive: Figures };

const ROUNDS = 12;
const SAMPLE_QUERIES = ['lake', 'Lake Sorrel', 'clim*', 'tokayev', 'мост', 'the', '"lake sorrel"', 'veska', 'water level', 'zzyzx'];
// The archive's bodies draw on 36 words, so most of these match all 10,000 articles: the worst case for ranking.
const ARCHIVE_QUERIES = ['water', 'harbour election', 'mark*', 'drought', 'story 4242', 'bench', 'steppe pipeline audit', '"river budget"', 'мост', 'zzyzx'];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function measure(dir: string, queries: string[]): Promise<Figures> {
  const source = createEmbeddedSource(dir, () => {});
  const search = (query: string, page = 1) => loadSearch(source, searchTerms(query), page, site.pageSize);
  let started = performance.now();
  await search(queries[0]!);
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      started = performance.now();
      // Every third round reads page 2: a later page costs the same ranking and other cards.
      await search(query, round % 3 === 2 ? 2 : 1);
      times.push(performance.now() - started);
    }
  }
  // The baseline: each search once as groq-js alone runs it, every body tokenised per query.
  const file = resolveDatasetFile(dir);
  const docs = readDatasetFile(file).docs.filter((doc) => !doc._id.includes('.'));
  const scans: number[] = [];
  for (const query of queries) {
    const params = { terms: matchPatterns(searchTerms(query)), start: 0, end: site.pageSize };
    started = performance.now();
    await (await evaluate(parse(searchQuery, { params }), { dataset: docs, params, timestamp: new Date() })).get();
    scans.push(performance.now() - started);
  }
  const articles = docs.filter((doc) => doc._type === 'article').length;
  const { answered } = source.searchIndexStats();
  return { articles, searches: times.length, p95Ms: percentile(times, 95), medianMs: median(times), firstMs, scanMedianMs: median(scans), indexed: answered };
}

export const searchSection: BenchSection<Search> = {
  key: 'search',
  async run(ctx) {
    console.log('bench: search on the sample and the archive (embedded source, in process)');
    const sample = await measure(ctx.sampleDir, SAMPLE_QUERIES);
    const archive = await measure(ctx.archiveDir, ARCHIVE_QUERIES);
    // A search the index did not answer would be measuring the scan: the figures would mean nothing.
    for (const [name, figures] of [
      ['sample', sample],
      ['archive', archive],
    ] as const) {
      if (figures.indexed !== figures.searches + 1)
        throw new Error(`search bench: ${figures.searches + 1 - figures.indexed} searches on the ${name} were not answered by the index`);
    }
    return { sample, archive };
  },
  rows({ sample, archive }) {
    const row = (figures: Figures) =>
      `p95 ${ms(figures.p95Ms)} ms · median ${ms(figures.medianMs)} ms over ${figures.searches} searches (page loader, no cache) · the same searches as a groq-js scan: median ${ms(figures.scanMedianMs)} ms · first search (read file, build index) ${int(figures.firstMs)} ms`;
    return [
      [`Search on the generated archive (${int(archive.articles)} articles, embedded source, in process; goal p95 ≤ 50 ms)`, row(archive)],
      [`Search on the sample (${int(sample.articles)} articles, same)`, row(sample)],
    ];
  },
};
