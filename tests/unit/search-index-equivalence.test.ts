import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import type { Perspective } from '@/lib/content/perspective';
import { isPublishedId } from '@/lib/content/perspective';
import { searchQuery } from '@/lib/content/search';
import { matchPatterns, searchTerms } from '@/lib/content/search-terms';
import { createEmbeddedSource, overlayDrafts } from '@/lib/content/sources/embedded';
import { withImageAssets } from '@/lib/content/sources/image-assets';
import { readDatasetFile, resolveDatasetFile } from '@/lib/dataset/ndjson';

/*
 * The embedded source answers the search query from its text index; groq-js scanning
 * every document with the same query text is the oracle. Same total, same cards, same
 * order, for what readers type (words, prefixes, quoted phrases, other scripts, junk
 * around words), before and after an embargo lifts, in both perspectives. Every
 * comparison must have been answered by the index, or it proves nothing.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
// After every dated article but the hostile fixture's 2099 embargo; and a time between the sample's articles.
const LATER = new Date('2030-01-01T00:00:00.000Z');
const EMBARGO = new Date('2026-11-01T00:00:00.000Z');

/** What the embedded source did before it had indexes: the query over every document. */
function oracle(dir: string) {
  const file = resolveDatasetFile(dir);
  const all = withImageAssets(readDatasetFile(file).docs, file);
  const published = all.filter((doc) => isPublishedId(doc._id));
  const datasets = {
    published,
    drafts: overlayDrafts(
      published,
      all.filter((doc) => doc._id.startsWith('drafts.')),
    ),
  };
  return async (params: Record<string, unknown>, perspective: Perspective, now: Date) =>
    (await evaluate(parse(searchQuery, { params }), { dataset: datasets[perspective], params, timestamp: now })).get();
}

type Answer = { total: number; results: { _id: string }[] };

/** Each query is what a reader types, or (an array) the `match` patterns themselves. */
function compareAll(dir: string, queries: (string | string[])[]) {
  const scan = oracle(dir);
  const at = { now: LATER };
  const source = createEmbeddedSource(dir, () => {}, { now: () => at.now });
  const runs: [start: number, end: number, perspective: Perspective, now: Date][] = [
    [0, 20, 'published', LATER],
    [2, 4, 'drafts', LATER],
    [0, 20, 'published', EMBARGO],
    [40, 60, 'published', LATER],
  ];
  return async () => {
    const totals: number[] = [];
    for (const query of queries) {
      const terms = Array.isArray(query) ? query : matchPatterns(searchTerms(query));
      for (const [start, end, perspective, now] of runs) {
        at.now = now;
        const params = { terms, start, end };
        const actual = (await source.query(searchQuery, params, perspective)) as Answer;
        expect(actual, `${JSON.stringify(query)} ${perspective} ${start}…${end} at ${now.toISOString()}`).toEqual(await scan(params, perspective, now));
        totals.push(actual.total);
      }
    }
    return { totals, stats: source.searchIndexStats() };
  };
}

const READER_QUERIES = [
  'lake', // one word
  'Lake Sorrel', // two words: both must match
  'Tokayev Sorrel', // each word is in an article, never both in one
  'the lake',
  'clim*', // a prefix, as typed (every word is a prefix already)
  'tokay',
  '"lake sorrel"', // a quoted phrase: today the quotes go and both words must match, as on Sanity
  'мост', // the sample's Russian article
  'Верхнеозёрск',
  'Ｔｏｋａｙｅｖ', // full-width letters
  'the', // most articles: ties broken by date
  'a',
  '*[_type == "article"]', // GROQ syntax: its words are searched
  'Tokayev || ""',
  '->Tokayev]',
  'x'.repeat(1000),
  'script markup', // the hostile headline
  'quotes',
  '42',
  'ordinary paragraph',
];

describe('search from the text index equals the GROQ query', () => {
  it.each([
    ['the sample', SAMPLE],
    ['the hostile fixture', HOSTILE],
  ])(
    'on %s, for what readers type',
    async (_name, dir) => {
      const { totals, stats } = await compareAll(dir, READER_QUERIES)();
      expect(stats.answered).toBe(totals.length);
      expect(stats.builds).toBe(2); // one per perspective, each once
      // The comparison means something only if many searches found articles.
      expect(totals.filter((total) => total > 0).length).toBeGreaterThan(10);
    },
    60_000,
  );

  it('on a dataset of edge cases: odd tokens, case folding, own scores, equal dates, a number for a headline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-search-edge-'));
    writeFileSync(
      join(dir, 'data.ndjson'),
      edgeCases()
        .map((doc) => JSON.stringify(doc))
        .join('\n') + '\n',
    );
    const queries: (string | string[])[] = [
      'lake',
      'tokayev',
      'strasse',
      'straße',
      'kelvin',
      'istanbul',
      'u',
      'mail',
      'мост',
      'river',
      'x',
      'paragraph',
      '123',
      'lake river',
    ];
    // Patterns without a star match whole words only: the index answers those too.
    queries.push(['river'], ['lake', 'paragraph'], ['straße', 'river*']);
    const { totals, stats } = await compareAll(dir, queries)();
    expect(stats.answered).toBe(totals.length);
    expect(totals.filter((total) => total > 1).length).toBeGreaterThan(5);
  }, 60_000);

  it('leaves to GROQ what it cannot answer exactly, with the same results', async () => {
    const source = createEmbeddedSource(SAMPLE, () => {}, { now: () => LATER });
    const scan = oracle(SAMPLE);
    // A dot between non-ASCII letters stays a wildcard; a star inside a word; not a string; nothing but a star; nothing.
    for (const terms of [['мо.т*'], ['la*e'], [42], 'lake*', ['*'], []]) {
      const params = { terms, start: 0, end: 20 };
      expect(await source.query(searchQuery, params, 'published'), JSON.stringify(terms)).toEqual(await scan(params, 'published', LATER));
    }
    // Only the plain string pattern is one the index answers (what readers type always is: search-terms.ts keeps letters and digits).
    expect(source.searchIndexStats().answered).toBe(1);
  });

  it('leaves a dataset with a headline made of several strings to GROQ, which scores them but does not match them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-search-array-'));
    const docs = [story(1, ['Lake', 'levels'], 'A body about the lake.'), story(2, 'Lake levels', 'Another body.')];
    writeFileSync(join(dir, 'data.ndjson'), docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
    const { totals, stats } = await compareAll(dir, ['lake', 'levels'])();
    expect(totals).toContain(2);
    expect(stats.answered).toBe(0);
  });
});

const block = (text: string, key: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});
const story = (n: number, title: unknown, body: string, extra: Record<string, unknown> = {}) => ({
  _id: `article-edge-${n}`,
  _type: 'article',
  title,
  slug: { _type: 'slug', current: `edge-${n}` },
  publishedAt: '2026-10-20T10:00:00Z',
  body: [block(body, `b${n}`)],
  ...extra,
});

/** Tokens groq-js splits oddly or folds oddly, and ranking ties. */
function edgeCases() {
  return [
    story(1, 'Lake levels', 'The lake. The lake! "Lake" (lake) lake-side U.S. e-mail Tokayev’s «мост» ...lake...'),
    story(2, 'STRASSE und Straße', 'ſtrasse is not strasse to a regular expression; nor is the Kelvin sign K in KELVIN.'),
    story(3, 'İstanbul and ISTANBUL', 'River river RIVER rivers riverside.', { standfirst: 'River lake.' }),
    // Upper-cased, ſ and ı are ASCII S and I, which a non-unicode `i` expression does not let them match.
    story(13, 'Long s and dotless i', 'ſtrasse ıstanbul'),
    story(14, 'Plural only', 'rivers and riverside walks'),
    story(4, 42, 'A number for a headline still finds its body: lake paragraph.'),
    story(5, 'Own score', 'lake paragraph', { _score: 7 }),
    story(6, 'Same score, older', 'lake paragraph', { publishedAt: '2026-10-01T10:00:00Z' }),
    story(7, 'Same score, offset date', 'lake paragraph', { publishedAt: '2026-10-20T12:00:00+02:00' }),
    story(8, 'Same score, same date', 'lake paragraph'),
    story(9, 'Embargoed lake', 'lake paragraph', { publishedAt: '2026-12-24T10:00:00Z' }),
    story(10, 'No slug lake', 'lake paragraph', { slug: undefined }),
    story(11, 'x'.repeat(5000), `${'x '.repeat(300)}123 1234 0123`, { standfirst: null }),
    { ...story(12, 'Draft lake', 'draft paragraph'), _id: 'drafts.article-edge-12' },
    { ...story(5, 'Draft of own score', 'river only'), _id: 'drafts.article-edge-5' },
    { _id: 'tag-lake', _type: 'tag', title: 'Lake', slug: { _type: 'slug', current: 'lake' } },
  ];
}
