import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadArticle, loadArticleRedirect, loadRecentArticleSlugs } from '@/lib/content/article';
import { loadDirectory } from '@/lib/content/directory';
import { loadHome } from '@/lib/content/home';
import { loadListing } from '@/lib/content/listing';
import type { Perspective } from '@/lib/content/perspective';
import type { QuerySource } from '@/lib/content/sources/query-source';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

const loadTags = (source: QuerySource, perspective?: Perspective) => loadDirectory(source, 'tag', perspective);
const loadSources = (source: QuerySource) => loadDirectory(source, 'source');
const loadAuthors = (source: QuerySource) => loadDirectory(source, 'author');
const loadTagListing = (source: QuerySource, slug: string, page: number, size: number) => loadListing(source, 'tag', slug, page, size);

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const quiet = () => {};

describe('every named query against the sample dataset', () => {
  const source = createEmbeddedSource(SAMPLE, quiet);

  it('home lists featured and latest articles, newest first, without repeating featured ones', async () => {
    const { value } = await loadHome(source);
    expect(value.featured.map((a) => a.slug)).toContain(SEED);
    expect(value.latest.length).toBeGreaterThan(5);
    const dates = value.latest.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const featuredIds = new Set(value.featured.map((a) => a._id));
    expect(value.latest.some((a) => featuredIds.has(a._id))).toBe(false);
  });

  it('an article comes with its tags, sources, authors and body', async () => {
    const { value } = await loadArticle(source, SEED);
    expect(value?.title).toBe('Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions');
    expect(value?.tags.map((t) => t.slug)).toEqual(['world', 'central-asia', 'politics']);
    expect(value?.sources[0]?.name).toBe('NextMinuteNews');
    expect(value?.authors.length).toBeGreaterThan(0);
    expect(value?.body.filter((b) => b.style === 'h2')).toHaveLength(5);
    expect(value?.lede).toMatch(/^In the heart of Central Asia/);
  });

  it('an unknown slug gives null, not an error', async () => {
    expect((await loadArticle(source, 'no-such-article')).value).toBeNull();
    expect((await loadArticleRedirect(source, 'no-such-article')).value).toBeNull();
  });

  it('recent slugs, tags, sources and authors pass their schemas', async () => {
    expect((await loadRecentArticleSlugs(source, 5)).value).toHaveLength(5);
    const tags = (await loadTags(source)).value;
    expect(tags.length).toBeGreaterThanOrEqual(6);
    expect(tags.find((t) => t.slug === 'central-asia')?.count).toBeGreaterThan(0);
    const sources = (await loadSources(source)).value;
    expect(sources.some((s) => s.stateAffiliated)).toBe(true);
    expect((await loadAuthors(source)).value.length).toBeGreaterThanOrEqual(3);
  });

  it('tag, source and author listings page through articles newest first', async () => {
    const tag = (await loadTagListing(source, 'central-asia', 1, 2)).value;
    expect(tag?.title).toBeTruthy();
    expect(tag?.articles).toHaveLength(2);
    expect(tag?.pageCount).toBe(Math.ceil((tag?.total ?? 0) / 2));
    const page2 = (await loadTagListing(source, 'central-asia', 2, 2)).value;
    expect(page2?.articles[0]?._id).not.toBe(tag?.articles[0]?._id);
    const src = (await loadListing(source, 'source', 'nextminutenews', 1, 20)).value;
    expect(src?.articles.map((a) => a.slug)).toContain(SEED);
    const author = (await loadListing(source, 'author', 'dana-reyes', 1, 20)).value;
    expect(author?.articles.map((a) => a.slug)).toContain(SEED);
    expect((await loadTagListing(source, 'no-such-tag', 1, 20)).value).toBeNull();
  });
});

// Published-only reads are tested filter by filter in published-only.test.ts.
describe('the hostile fixture', () => {
  const source = createEmbeddedSource(HOSTILE, quiet);

  it('shows a draft over its published document only in the drafts perspective', async () => {
    const draft = (await loadArticle(source, 'hostile-markup', 'drafts')).value;
    expect(draft?.title).toBe('DRAFT LEAK headline');
    expect(draft?._id).toBe('article-hostile');
  });

  it('skips a malformed document with a log line naming its _id, and keeps the rest', async () => {
    const log = vi.fn();
    const spy = vi.spyOn(console, 'warn').mockImplementation(log);
    try {
      const { value } = await loadHome(source);
      expect(value.latest.length).toBeGreaterThan(3);
      expect(log.mock.calls.flat().join('\n')).toContain('article-malformed');
    } finally {
      spy.mockRestore();
    }
  });

  it('drops dangling, unpublished and slugless references but keeps the article', async () => {
    const article = (await loadArticle(source, 'hostile-markup')).value;
    expect(article?.tags.map((t) => t.slug)).toEqual(['world']);
    expect(article?.sources.map((s) => s.slug)).toEqual(['wire', 'state-tv', 'odd-kind']);
    expect(article?.sources.find((s) => s.slug === 'odd-kind')?.kind).toBeUndefined();
    expect(article?.authors.map((a) => a.slug)).toEqual(['ada']);
  });

  it('renders an article with every optional field missing', async () => {
    const article = (await loadArticle(source, 'minimal')).value;
    expect(article).toMatchObject({ title: 'Minimal article', language: 'en', tags: [], body: [] });
  });

  it('redirects an old slug to the current one', async () => {
    expect((await loadArticleRedirect(source, 'old-hostile')).value).toBe('hostile-markup');
  });
});

describe('the embedded source', () => {
  it('re-reads the dataset when the file changes, without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-dataset-'));
    const file = join(dir, 'data.ndjson');
    copyFileSync(join(SAMPLE, 'data.ndjson'), file);
    const source = createEmbeddedSource(dir, quiet);
    expect((await loadArticle(source, SEED)).value?.title).toMatch(/^Kazakhstan/);
    const edited = readFileSync(file, 'utf8').replace(
      '"title":"Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions"',
      '"title":"Edited headline"',
    );
    writeFileSync(file, edited);
    expect((await loadArticle(source, SEED)).value?.title).toBe('Edited headline');
  });

  it('accepts an .ndjson file as well as an export folder', async () => {
    const source = createEmbeddedSource(join(SAMPLE, 'data.ndjson'), quiet);
    expect((await loadArticle(source, SEED)).value).not.toBeNull();
  });

  it('throws a clear error when the dataset is missing, so ISR keeps the last good page', async () => {
    const source = createEmbeddedSource('/nonexistent/dataset', quiet);
    await expect(loadHome(source)).rejects.toThrow(/cannot be read.*CONTENT_DATASET/);
  });

  it('turns export image references into asset documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-images-'));
    const doc = {
      _id: 'article-img',
      _type: 'article',
      title: 'With image',
      slug: { _type: 'slug', current: 'with-image' },
      publishedAt: '2026-01-01T00:00:00Z',
      mainImage: { _type: 'image', alt: 'A chart', _sanityAsset: 'image@file://./images/abc123-640x480.png' },
    };
    writeFileSync(join(dir, 'data.ndjson'), `${JSON.stringify(doc)}\n`);
    const source = createEmbeddedSource(dir, quiet);
    const article = (await loadArticle(source, 'with-image')).value;
    expect(article?.mainImage).toMatchObject({ alt: 'A chart', asset: { url: '/media/abc123-640x480.png', width: 640, height: 480 } });
  });
});
