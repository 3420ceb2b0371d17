import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { articleQuery, articleRedirectQuery, recentArticleSlugsQuery } from '@/lib/content/article';
import { directoryQueries } from '@/lib/content/directory';
import { siteFeedQuery, sourceFeedQuery, tagFeedQuery } from '@/lib/content/feed';
import { healthQuery } from '@/lib/content/health';
import { homeQuery } from '@/lib/content/home';
import { listingQueries } from '@/lib/content/listing';
import { liveBlogQuery } from '@/lib/content/live';
import { onwardQuery } from '@/lib/content/onward';
import type { Perspective } from '@/lib/content/perspective';
import { isPublishedId } from '@/lib/content/perspective';
import { searchQuery } from '@/lib/content/search';
import { breakingNewsQuery } from '@/lib/content/site-settings';
import { newsSitemapQuery, sitemapQuery } from '@/lib/content/sitemap';
import { createEmbeddedSource, overlayDrafts } from '@/lib/content/sources/embedded';
import { withImageAssets } from '@/lib/content/sources/image-assets';
import { readDatasetFile, resolveDatasetFile, type RawDocument } from '@/lib/dataset/ndjson';
import { generateDataset } from '../../scripts/bench/generate-dataset.ts';

/*
 * The indexed embedded source returns exactly what a plain groq-js full scan returned
 * before it (the oracle below), for every query the site runs, on the sample, the
 * hostile fixture and a generated archive, in both perspectives.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
// The archive's articles are an hour apart up to 2026-11-01T12:00Z: at this time half are
// scheduled, and one is published exactly now (the `<=` boundary).
const ARCHIVE_NOW = new Date('2026-10-26T00:00:00.000Z');

const QUERIES: Record<string, string> = {
  homeQuery,
  articleQuery,
  articleRedirectQuery,
  recentArticleSlugsQuery,
  ...Object.fromEntries(Object.entries(directoryQueries).map(([kind, query]) => [`directory:${kind}`, query])),
  ...Object.fromEntries(Object.entries(listingQueries).map(([kind, query]) => [`listing:${kind}`, query])),
  siteFeedQuery,
  tagFeedQuery,
  sourceFeedQuery,
  healthQuery,
  onwardQuery,
  searchQuery,
  sitemapQuery,
  newsSitemapQuery,
  breakingNewsQuery,
  liveBlogQuery,
};

function archiveDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nmn-archive-'));
  const sample = readFileSync(resolveDatasetFile(SAMPLE), 'utf8');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data.ndjson'), generateDataset(sample, 300));
  return dir;
}

/** What the embedded source did before it had indexes: parse with the params, scan everything. */
function oracle(dir: string, now: Date) {
  const file = resolveDatasetFile(dir);
  const all = withImageAssets(readDatasetFile(file).docs, file);
  const published = all.filter((doc) => isPublishedId(doc._id));
  const drafts = all.filter((doc) => doc._id.startsWith('drafts.'));
  const datasets = { published, drafts: overlayDrafts(published, drafts) };
  return async (query: string, params: Record<string, unknown>, perspective: Perspective) =>
    (await evaluate(parse(query, { params }), { dataset: datasets[perspective], params, timestamp: now })).get();
}

const refsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item) => (typeof item?._ref === 'string' ? [item._ref as string] : [])) : [];

/** One parameter set per document with a slug (and per previous slug), a made-up slug, and the settings id. */
function paramSets(docs: RawDocument[], max: number): Record<string, unknown>[] {
  const base = {
    start: 0,
    end: 24,
    limit: 24,
    terms: ['lake'],
    id: 'siteSettings',
    tagIds: [],
    leadTag: '',
    leadSource: '',
    publishedAt: '2026-01-01T00:00:00Z',
  };
  const sets: Record<string, unknown>[] = [
    { ...base, slug: 'no-such-story-anywhere' },
    { ...base, slug: 42, start: 2, end: 4, terms: ['water', 'level'] },
  ];
  for (const doc of docs.slice(0, max)) {
    const slug = (doc.slug as { current?: unknown } | undefined)?.current;
    const tagIds = refsOf(doc.tags);
    const own = { id: doc._id, tagIds, leadTag: tagIds[0] ?? '', leadSource: refsOf(doc.sources)[0] ?? '', publishedAt: doc.publishedAt ?? base.publishedAt };
    if (slug !== undefined) sets.push({ ...base, ...own, slug });
    if (Array.isArray(doc.previousSlugs)) for (const previous of doc.previousSlugs) sets.push({ ...base, ...own, slug: previous, start: 1, end: 3 });
  }
  return sets;
}

describe.each([
  ['the sample', () => SAMPLE, 200, new Date()],
  ['the hostile fixture', () => HOSTILE, 200, new Date()],
  ['a generated 300-article archive', archiveDir, 25, ARCHIVE_NOW],
])('indexed queries on %s', (_name, dirOf, max, now) => {
  it('return what a full scan returns, for every query, parameter set and perspective', async () => {
    const dir = dirOf();
    const source = createEmbeddedSource(dir, () => {}, { now: () => now });
    const scan = oracle(dir, now);
    const docs = readDatasetFile(resolveDatasetFile(dir)).docs;
    let compared = 0;
    let nonEmpty = 0;
    const seen = new Set<string>();
    for (const params of paramSets(docs, max)) {
      for (const [name, query] of Object.entries(QUERIES)) {
        // A query runs once per distinct value of the parameters it uses.
        const used = [...query.matchAll(/\$(\w+)/g)].map((match) => match[1]!);
        const key = `${name}:${JSON.stringify(used.map((param) => params[param]))}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const perspective of ['published', 'drafts'] as const) {
          const expected = await scan(query, params, perspective);
          const actual = await source.query(query, params, perspective);
          expect(actual, `${name} ${perspective} ${JSON.stringify(params)}`).toEqual(expected);
          compared++;
          if (expected !== null && !(Array.isArray(expected) && expected.length === 0)) nonEmpty++;
        }
      }
    }
    // The comparison means something only if many queries found content.
    expect(compared).toBeGreaterThan(60);
    expect(nonEmpty).toBeGreaterThan(compared / 5);
  }, 120_000);
});
