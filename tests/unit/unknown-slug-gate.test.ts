import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuerySource } from '@/lib/content/sources/query-source';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

/*
 * A URL nobody published stops at the shared slug list before any query or cache
 * entry of its own. Every getter below is called outside Next (its "use cache" is
 * then a plain call), through a source that records the queries it is asked, so
 * the test sees what a made-up URL would have cached.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const asked: { query: string; params: Record<string, unknown> }[] = [];
const counting = (inner: QuerySource): QuerySource => ({
  ...inner,
  query: (query, params, perspective) => {
    asked.push({ query, params: params ?? {} });
    return inner.query(query, params, perspective);
  },
});
const source = counting(createEmbeddedSource(SAMPLE));

vi.mock('next/cache.js', () => ({ cacheLife: () => {}, cacheTag: () => {} }));
vi.mock('@/lib/content/sources/index', () => ({ contentSource: () => source }));
vi.mock('../../lib/content/sources/index.ts', () => ({ contentSource: () => source }));

const { articleSlugsQuery, getArticle } = await import('@/lib/content/article');
const { getLiveBlog, getLiveFeed, getLiveUpdatesJson, liveBlogQuery } = await import('@/lib/content/live');
const { directoryQueries } = await import('@/lib/content/directory');
const { getListing } = await import('@/lib/content/listing');
const names = new Map<string, string>([
  [articleSlugsQuery, 'slug list'],
  [directoryQueries.tag, 'tag directory'],
]);
const named = () =>
  asked.map(({ query, params }) => names.get(query) ?? (query === liveBlogQuery ? `live blog from ${String(params.start)}` : 'another query'));

beforeEach(() => {
  asked.length = 0;
});

describe('made-up URLs stop at the slug list', () => {
  it.each([
    ['an article', () => getArticle('made-up-story')],
    ['a live blog page', () => getLiveBlog('made-up-story', 2)],
    ['a live feed', () => getLiveFeed('made-up-story')],
    ['a live blog update poll', () => getLiveUpdatesJson('made-up-story')],
  ])('%s by a made-up slug is null after the slug list alone', async (_, call) => {
    await expect(call()).resolves.toBeNull();
    expect(named()).toEqual(['slug list']);
  });

  it.each([
    ['a made-up tag', () => getListing('tag', 'made-up-tag')],
    ['a page past the last of a real tag', () => getListing('tag', 'world', 999)],
  ])('%s is null after the tag directory alone', async (_, call) => {
    await expect(call()).resolves.toBeNull();
    expect(named()).toEqual(['tag directory']);
  });

  it('a page past the last of a real live blog is null without querying that page', async () => {
    await expect(getLiveBlog('storm-kestrel-live', 99)).resolves.toBeNull();
    expect(named()).toEqual(['slug list', 'live blog from 0']);
  });

  it('real slugs still come through: the seed article, the live blog, its feed and its poll', async () => {
    expect((await getArticle('kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions'))?.kind).toBe('article');
    expect((await getLiveBlog('storm-kestrel-live', 1))?.updates.length).toBeGreaterThan(0);
    expect(await getLiveFeed('storm-kestrel-live')).toMatchObject({ contentType: expect.stringContaining('xml') });
    expect(JSON.parse((await getLiveUpdatesJson('storm-kestrel-live'))!.body)).toMatchObject({ isLive: true });
    expect((await getListing('tag', 'world', 1))?.articles.length).toBeGreaterThan(0);
  });
});
