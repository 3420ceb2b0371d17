import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeedContent } from '@/lib/content/feed';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { feedDocument } from '@/lib/feeds/document';
import { cachedBody } from '@/lib/http/cached-body';
import type { FeedFormat, FeedScope } from '@/lib/urls/paths';
import { HOSTILE_TITLE } from '../fixtures/hostile-documents.ts';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const ORIGIN = 'https://news.example';
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const quiet = () => {};

type Parsed = {
  bozo: number;
  error: string | null;
  version: string;
  feed: { title: string; language?: string; image?: string };
  entries: {
    title: string;
    html_title: string;
    id: string;
    link: string;
    content: string;
    summary: string;
    tags: string[];
    authors: string[];
    language?: string;
    published: number | null;
  }[];
};

/*
 * A real feed reader library (Debian's python3-feedparser) reads the feed, and
 * Python's XML parser gives the exact element text, so a title is compared
 * byte for byte with what the editor typed.
 */
const READER = String.raw`
import sys, json, html, calendar, feedparser, xml.etree.ElementTree as ET
body = sys.stdin.buffer.read()
d = feedparser.parse(body)
root = ET.fromstring(body)
A = '{http://www.w3.org/2005/Atom}'
if root.tag == 'rss':
    items = root.findall('channel/item')
    raw = [(i.findtext('title'), '') for i in items]
    contents = [i.findtext('{http://purl.org/rss/1.0/modules/content/}encoded') or '' for i in items]
    summaries = [i.findtext('description') or '' for i in items]
else:
    items = root.findall(A + 'entry')
    raw = [(html.unescape(i.findtext(A + 'title')), i.findtext(A + 'title')) for i in items]
    contents = [i.findtext(A + 'content') or '' for i in items]
    summaries = [i.findtext(A + 'summary') or '' for i in items]
print(json.dumps({
  'bozo': int(d.bozo), 'error': str(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
  'feed': {'title': d.feed.get('title'), 'language': d.feed.get('language'), 'image': d.feed.get('image', {}).get('href')},
  'entries': [{
    'title': raw[n][0], 'html_title': raw[n][1], 'id': e.get('id'), 'link': e.get('link'), 'content': contents[n], 'summary': summaries[n],
    'tags': [t.get('term') for t in e.get('tags', [])], 'authors': [a.get('name') for a in e.get('authors', [])],
    'language': e.get('language') or (e.get('title_detail') or {}).get('language'),
    'published': calendar.timegm(e.published_parsed) if e.get('published_parsed') else None,
  } for n, e in enumerate(d.entries)],
}))
`;

function read(xml: string): Parsed {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READER], { input: xml, encoding: 'utf8' })) as Parsed;
}

async function build(dataset: string, format: FeedFormat, scope: FeedScope = { kind: 'site' }) {
  const { value } = await loadFeedContent(createEmbeddedSource(dataset, quiet), scope, 50);
  if (!value) throw new Error(`no feed for ${JSON.stringify(scope)}`);
  // As the cached getter does: the renderer's body, then its validators.
  return cachedBody(feedDocument(format, value, ORIGIN), []);
}

const block = (key: string, text: string, style = 'normal') => ({
  _type: 'block',
  _key: key,
  style,
  markDefs: [],
  children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
});

/** A dataset file of our own, for content the fixtures do not have. */
function datasetWith(articles: { id: string; title: string; body: unknown[] }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nmn-feed-'));
  const docs = [
    { _id: 'tag-t', _type: 'tag', title: 'T & <T>', slug: { _type: 'slug', current: 't' } },
    ...articles.map((article, index) => ({
      _id: article.id,
      _type: 'article',
      title: article.title,
      slug: { _type: 'slug', current: `a-${index}` },
      language: 'en',
      publishedAt: `2026-01-0${index + 1}T10:00:00Z`,
      tags: [{ _type: 'reference', _ref: 'tag-t', _key: 'k' }],
      body: article.body,
    })),
  ];
  const file = join(dir, 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  return file;
}

describe('site feeds on the hostile dataset', () => {
  it.each(['rss', 'atom'] as const)('%s parses without errors and round-trips hostile and non-Latin titles exactly', async (format) => {
    const parsed = read((await build(HOSTILE, format)).body);
    expect(parsed.error).toBeNull();
    expect(parsed.bozo).toBe(0);
    expect(parsed.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
    const titles = parsed.entries.map((entry) => entry.title);
    expect(titles).toContain(HOSTILE_TITLE);
    expect(titles).toContain('Заголовок на русском языке: «кавычки» — тире');
    expect(titles).toContain('عنوان باللغة العربية مع أرقام 123');
    expect(titles).toContain('🚀 Emoji headline 👩🏽‍🚀 with ZWJ 🏳️‍🌈');
    const hostile = parsed.entries.find((entry) => entry.title === HOSTILE_TITLE);
    // The body's markup is text, never live: the reader gets escaped script, and only safe links.
    expect(hostile?.content).toContain('Text with &lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
    expect(hostile?.content).not.toMatch(/<script|javascript:|data:text|vbscript:|href="\/\//i);
    expect(hostile?.content).toContain(`<a href="${ORIGIN}/about">safe relative link</a>`);
    expect(hostile?.summary).toBe('Standfirst with &lt;em&gt;markup&lt;/em&gt; &amp; ]]&gt; twice ]]&gt; and &lt;/script&gt;');
    expect(parsed.entries.find((entry) => entry.title.startsWith('Заголовок'))?.language).toBe('ru');
  });

  it('the JSON Feed is version 1.1 with the same titles, authors and languages', async () => {
    const feed = JSON.parse((await build(HOSTILE, 'json')).body);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`);
    expect(feed.language).toBe('en');
    const hostile = feed.items.find((item: { title: string }) => item.title === HOSTILE_TITLE);
    expect(hostile).toMatchObject({
      id: 'urn:nextminutenews:article:article-hostile',
      url: `${ORIGIN}/articles/hostile-markup`,
      authors: [{ name: 'Ada Writer', url: `${ORIGIN}/authors/ada` }],
      tags: ['World'],
      language: 'en',
    });
    expect(feed.items.find((item: { language: string }) => item.language === 'ar')).toBeTruthy();
    for (const item of feed.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'content_html', 'date_published']));
  });
});

describe('feeds on the sample dataset', () => {
  it.each<[string, FeedScope]>([
    ['site', { kind: 'site' }],
    ['its lead tag', { kind: 'tag', slug: 'world' }],
    ['its source', { kind: 'source', slug: 'nextminutenews' }],
  ])('the %s feed carries the seed article in full, headings included', async (_name, scope) => {
    const parsed = read((await build(SAMPLE, 'rss', scope)).body);
    expect(parsed.bozo).toBe(0);
    const seed = parsed.entries.find((entry) => entry.link === `${ORIGIN}/articles/${SEED}`);
    expect(seed?.title).toBe('Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions');
    expect(seed?.id).toBe('urn:nextminutenews:article:article-' + SEED);
    expect(seed?.content).toContain('<h2>Kazakhstan’s Multi-Vector Diplomacy Under Strain</h2>');
    expect(seed?.content.match(/<h2>/g)).toHaveLength(5);
    expect(seed?.content).toContain('preserve neutrality and prevent internal unrest.');
    expect(seed?.tags).toEqual(['World', 'Central Asia', 'Politics']);
    expect(seed?.authors.length).toBeGreaterThan(0);
  });

  it('a tag feed holds only that tag, newest first, and names the tag', async () => {
    const parsed = read((await build(SAMPLE, 'rss', { kind: 'tag', slug: 'culture' })).body);
    expect(parsed.feed.title).toBe('Culture · NextMinuteNews');
    expect(parsed.feed.image).toBe(`${ORIGIN}/logo.png`);
    expect(parsed.entries.length).toBeGreaterThan(1);
    for (const entry of parsed.entries) expect(entry.tags).toContain('Culture');
    const published = parsed.entries.map((entry) => entry.published);
    expect(published.every((time) => typeof time === 'number')).toBe(true);
    expect(published).toEqual([...published].sort((a, b) => b! - a!));
  });

  it('an unknown tag or source has no feed', async () => {
    const source = createEmbeddedSource(SAMPLE, quiet);
    expect((await loadFeedContent(source, { kind: 'tag', slug: 'no-such-tag' }, 50)).value).toBeNull();
    expect((await loadFeedContent(source, { kind: 'source', slug: 'no-such-source' }, 50)).value).toBeNull();
  });

  it('validators come from the body and the newest item', async () => {
    const first = await build(SAMPLE, 'rss');
    const second = await build(SAMPLE, 'rss');
    expect(first.etag).toBe(second.etag);
    expect(first.contentType).toBe('application/rss+xml; charset=utf-8');
    // The newest article was published at 10:00 and updated at 14:00: Last-Modified follows the update.
    expect(first.lastModified).toBe('2026-11-25T14:00:00.000Z');
  });
});

describe('content that breaks naive XML', () => {
  const thrice = 'a ]]> b ]]> c ]]> d & <script>alert(1)</script>';
  const dataset = datasetWith([
    { id: 'article-cdata', title: thrice, body: [block('p1', thrice), block('h1', 'Ünïcödé ]]> heading', 'h2')] },
    { id: 'article-control', title: 'Control\u0001char\u000B title', body: [block('p1', 'Bell\u0007 in body')] },
  ]);

  it.each(['rss', 'atom'] as const)('%s: "]]>" three times, "&", "<script>" and control characters survive', async (format) => {
    const parsed = read((await build(dataset, format)).body);
    expect(parsed.error).toBeNull();
    expect(parsed.bozo).toBe(0);
    expect(parsed.entries.map((entry) => entry.title)).toEqual(['Controlchar title', thrice]);
    const cdata = parsed.entries[1];
    expect(cdata?.content).toBe('<p>a ]]&gt; b ]]&gt; c ]]&gt; d &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p><h2>Ünïcödé ]]&gt; heading</h2>');
    expect(parsed.entries[0]?.content).toBe('<p>Bell in body</p>');
    expect(cdata?.tags).toEqual(['T & <T>']);
  });
});
