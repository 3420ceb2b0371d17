import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNewsEntries, loadSitemapContent, sitemapUrls } from '@/lib/content/sitemap';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { newsSitemapXml, sitemapXml, splitSitemap, type SitemapUrl } from '@/lib/seo/sitemap';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const ORIGIN = 'https://news.example';
const quiet = () => {};

/** Python's XML parser reads the document back: [tag, text] of every element, namespaces spelled out. */
function parseXml(xml: string): [string, string][] {
  const script =
    'import sys, json, xml.etree.ElementTree as ET\nprint(json.dumps([[e.tag, (e.text or "").strip()] for e in ET.fromstring(sys.stdin.buffer.read()).iter()]))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' })) as [string, string][];
}
const SM = '{http://www.sitemaps.org/schemas/sitemap/0.9}';
const NEWS = '{http://www.google.com/schemas/sitemap-news/0.9}';
const texts = (xml: string, tag: string) =>
  parseXml(xml)
    .filter(([name]) => name === tag)
    .map(([, text]) => text);

async function sitemapOf(dataset: string) {
  const { value } = await loadSitemapContent(createEmbeddedSource(dataset, quiet));
  return sitemapXml(sitemapUrls(value), ORIGIN) ?? '';
}

describe('the sitemap', () => {
  it('lists every public article, tag, source and author page of the sample with lastmod', async () => {
    const xml = await sitemapOf(SAMPLE);
    const locs = texts(xml, `${SM}loc`);
    expect(locs).toContain(`${ORIGIN}/`);
    expect(locs.filter((loc) => loc.startsWith(`${ORIGIN}/articles/`))).toHaveLength(15);
    expect(locs).toContain(`${ORIGIN}/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions`);
    expect(locs).toContain(`${ORIGIN}/tags/central-asia`);
    expect(locs).toContain(`${ORIGIN}/sources/nextminutenews`);
    expect(locs).toContain(`${ORIGIN}/authors/dana-reyes`);
    expect(texts(xml, `${SM}lastmod`)).toHaveLength(locs.length);
    // The article updated at 14:00 the day it was published carries the update.
    expect(xml).toContain('<lastmod>2026-11-25T14:00:00.000Z</lastmod>');
  });

  it('lists exactly the public pages of the hostile dataset: no URL for a slugless, malformed or undated article', async () => {
    const locs = texts(await sitemapOf(HOSTILE), `${SM}loc`);
    const articles = ['hostile-markup', 'rtl-arabic', 'kirillica', 'emoji', 'very-long', 'bad-language', 'minimal'].map((slug) => `/articles/${slug}`);
    const pages = ['/', ...articles, '/tags/world', '/sources/odd-kind', '/sources/state-tv', '/sources/wire', '/authors/ada'];
    expect(locs).toEqual(pages.map((path) => `${ORIGIN}${path}`));
  });
});

describe('splitting past 50,000 URLs', () => {
  const urls = (n: number): SitemapUrl[] =>
    Array.from({ length: n }, (_, i) => ({ path: `/articles/a-${i}`, lastmod: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }));

  it('cuts the list into parts of at most the limit, keeping order', () => {
    expect(splitSitemap([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitSitemap([], 2)).toEqual([[]]);
    expect(splitSitemap(urls(50_000))).toHaveLength(1);
    expect(splitSitemap(urls(50_001)).map((part) => part.length)).toEqual([50_000, 1]);
  });

  it('answers a urlset up to the limit and an index of parts past it', () => {
    expect(sitemapXml(urls(3), ORIGIN, undefined, 3)).toContain('<urlset');
    const index = sitemapXml(urls(5), ORIGIN, undefined, 2) ?? '';
    expect(index).toContain('<sitemapindex');
    expect(texts(index, `${SM}loc`)).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemap.xml?page=${n}`));
    expect(texts(sitemapXml(urls(5), ORIGIN, 3, 2) ?? '', `${SM}loc`)).toEqual([`${ORIGIN}/articles/a-4`]);
    expect(sitemapXml(urls(5), ORIGIN, 4, 2)).toBeNull();
    // A small site has no parts, only /sitemap.xml itself.
    expect(sitemapXml(urls(5), ORIGIN, 1)).toBeNull();
  });
});

describe('the Google News sitemap', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const article = (id: string, title: string, publishedAt: string, language = 'en') => ({
    _id: id,
    _type: 'article',
    title,
    slug: { _type: 'slug', current: id.replace(/^.*article-/, '') },
    language,
    publishedAt,
  });

  function recentDataset(): string {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-news-'));
    const docs = [
      article('article-fresh', 'Fresh & <hot> "news"', hoursAgo(1)),
      article('article-yesterday', 'Вчерашние новости', hoursAgo(47), 'ru'),
      article('article-stale', 'Three days old', hoursAgo(72)),
      article('article-embargoed', 'DRAFT LEAK embargoed', new Date(Date.now() + 3_600_000).toISOString()),
      article('drafts.article-fresh', 'DRAFT LEAK fresh draft', hoursAgo(1)),
      article('versions.r1.article-next', 'DRAFT LEAK version', hoursAgo(1)),
    ];
    const file = join(dir, 'data.ndjson');
    writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
    return file;
  }

  it('lists public articles of the last 48 hours with publication, language, date and escaped title', async () => {
    const { value } = await loadNewsEntries(createEmbeddedSource(recentDataset(), quiet));
    const xml = newsSitemapXml(value, ORIGIN, 'NextMinuteNews');
    expect(xml).not.toContain('DRAFT LEAK');
    expect(xml).toContain('<news:title>Fresh &amp; &lt;hot&gt; &quot;news&quot;</news:title>');
    expect(texts(xml, `${SM}loc`)).toEqual([`${ORIGIN}/articles/fresh`, `${ORIGIN}/articles/yesterday`]);
    expect(texts(xml, `${NEWS}title`)).toEqual(['Fresh & <hot> "news"', 'Вчерашние новости']);
    expect(texts(xml, `${NEWS}name`)).toEqual(['NextMinuteNews', 'NextMinuteNews']);
    expect(texts(xml, `${NEWS}language`)).toEqual(['en', 'ru']);
    expect(texts(xml, `${NEWS}publication_date`)[0]).toBe(value[0]?.publishedAt);
  });

  it('is a valid empty urlset when nothing is recent (the fixed-date sample, read weeks later)', async () => {
    const { value } = await loadNewsEntries(createEmbeddedSource(SAMPLE, quiet, { now: () => new Date('2027-01-01T00:00:00Z') }));
    // Only the sample's running live blog stays listed while its coverage runs.
    expect(value.map((entry) => entry.slug)).toEqual(['storm-kestrel-live']);
    expect(parseXml(newsSitemapXml([], ORIGIN, 'NextMinuteNews'))[0]?.[0]).toBe(`${SM}urlset`);
  });
});
