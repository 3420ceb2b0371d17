import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { atomXml, jsonFeed, rssXml } from '../../lib/feeds/build.ts';
import type { FeedChannel } from '../../lib/feeds/feed-item.ts';
import { parseChange, type ResolvedChange } from '../../lib/revalidate/change.ts';
import { type ReferencedIds, withReferencedSlugs } from '../../lib/revalidate/referenced-slugs.ts';
import { feedPathsForChange } from '../../lib/websub/feeds-for-change.ts';
import { notifyHubOfChange } from '../../lib/websub/ping-hub.ts';
import { notifySite } from '../../lib/import/notify.ts';

const SITE = ['/feed.xml', '/atom.xml', '/feed.json'];

/** A payload as the webhook reads it: parsed once, references looked up in `content` (slug by id). */
async function changeOf(payload: unknown, content: Record<string, string> = {}): Promise<ResolvedChange> {
  const parsed = parseChange(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  const known = (ids: readonly string[]) => new Map(ids.flatMap((id) => (content[id] ? [[id, content[id]] as const] : [])));
  const lookup = async ({ tags, sources, article }: ReferencedIds) => ({ tags: known(tags), sources: known(sources), article: article && content[article] });
  return withReferencedSlugs(parsed.change, lookup, () => undefined);
}

const feedsOf = async (payload: unknown, content: Record<string, string> = {}) => feedPathsForChange(await changeOf(payload, content));

describe('feedPathsForChange', () => {
  it("names an article's site, tag and source feeds from the webhook projection", async () => {
    const paths = await feedsOf({ _id: 'article-a', _type: 'article', slug: 'a', tagSlugs: ['energy', 'new york'], sourceSlugs: ['wire'] });
    expect(paths).toEqual([...SITE, '/tags/energy/feed.xml', '/sources/wire/feed.xml']);
  });

  it("looks up the slugs of a whole document's references in the content, whatever their ids say", async () => {
    const doc = { _id: 'article-a', _type: 'article', slug: { current: 'a' }, tags: [{ _ref: 'tag-energy' }], sources: [{ _ref: 'source-wire' }] };
    expect(await feedsOf(doc, { 'tag-energy': 'power', 'source-wire': 'agency' })).toEqual([...SITE, '/tags/power/feed.xml', '/sources/agency/feed.xml']);
  });

  it("adds a live blog's own feed, for the blog and for each of its updates", async () => {
    expect(await feedsOf({ _id: 'a1', _type: 'article', slug: 'vote', coverage: 'live' })).toContain('/articles/vote/feed.xml');
    expect(await feedsOf({ _id: 'u1', _type: 'liveUpdate', article: { _ref: 'article-vote' } }, { 'article-vote': 'vote' })).toEqual([
      '/articles/vote/feed.xml',
      ...SITE,
    ]);
    expect(await feedsOf({ _id: 'a2', _type: 'article', slug: 'plain' })).not.toContain('/articles/plain/feed.xml');
  });

  it('names the feeds of a tag written in any script, percent-encoded', async () => {
    expect(await feedsOf({ _id: 't1', _type: 'tag', slug: { current: 'казахстан' } })).toEqual([`/tags/${encodeURIComponent('казахстан')}/feed.xml`]);
  });

  it('gets what it needs from the delivery `content -- import --notify` sends', async () => {
    let delivered: unknown;
    const site = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => ((delivered = JSON.parse(body)), response.end('{}')));
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => site.once('listening', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const article = {
      _id: 'article-a',
      _type: 'article',
      slug: { current: 'a' },
      coverage: 'live',
      tags: [{ _ref: 'tag-energy' }],
      sources: [{ _ref: 'source-wire' }],
    };
    // The dataset the import read: the projection takes the slugs of the article's tag and source from it.
    const dataset = [
      { _id: 'tag-energy', _type: 'tag', slug: { current: 'energy' } },
      { _id: 'source-wire', _type: 'source', slug: { current: 'wire' } },
    ];
    await notifySite(url, [article], dataset, 'x'.repeat(32));
    site.close();
    // Nothing is looked up: the delivery carries the slugs.
    expect(await feedsOf(delivered)).toEqual([...SITE, '/tags/energy/feed.xml', '/sources/wire/feed.xml', '/articles/a/feed.xml']);
  });

  it('names a tag or source its own feed, and nothing for other types or a slug that is not one', async () => {
    expect(await feedsOf({ _id: 't1', _type: 'tag', slug: { current: 'energy' } })).toEqual(['/tags/energy/feed.xml']);
    expect(await feedsOf({ _id: 's1', _type: 'source', slug: { current: 'wire' } })).toEqual(['/sources/wire/feed.xml']);
    expect(await feedsOf({ _id: 'p1', _type: 'author', slug: 'x' })).toEqual([]);
    expect(await feedsOf({ _id: 't2', _type: 'tag', slug: '../../etc' })).toEqual([]);
  });
});

describe('notifyHubOfChange', () => {
  it('posts hub.mode=publish with each absolute feed URL to the hub', async () => {
    const pings: string[] = [];
    const hub = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => (pings.push(body), response.writeHead(204).end()));
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
    const accepted = await notifyHubOfChange(hubUrl, 'https://news.example', await changeOf({ _id: 't1', _type: 'tag', slug: 'energy' }));
    hub.close();
    expect(accepted).toEqual(['https://news.example/tags/energy/feed.xml']);
    expect(pings.map((body) => Object.fromEntries(new URLSearchParams(body)))).toEqual([
      { 'hub.mode': 'publish', 'hub.url': 'https://news.example/tags/energy/feed.xml' },
    ]);
  });

  it('sends nothing without a hub', async () => {
    expect(await notifyHubOfChange(undefined, 'https://news.example', await changeOf({ _id: 't1', _type: 'tag', slug: 'energy' }))).toEqual([]);
  });
});

describe('feeds name their hub', () => {
  const channel: FeedChannel = {
    title: 'News',
    description: 'All of it',
    homeUrl: 'https://news.example/',
    feedUrl: 'https://news.example/feed.xml',
    language: 'en',
    logoUrl: 'https://news.example/logo.png',
    hubUrl: 'https://hub.example/',
  };

  it('RSS and Atom carry rel="hub" and rel="self"; JSON Feed carries hubs', () => {
    const rss = rssXml(channel, []);
    expect(rss).toMatch(/<atom:link href="https:\/\/hub\.example\/" rel="hub"\/>/);
    expect(rss).toMatch(/<atom:link href="https:\/\/news\.example\/feed\.xml" rel="self"/);
    const atom = atomXml(channel, []);
    expect(atom).toMatch(/<link rel="hub" href="https:\/\/hub\.example\/"\/>/);
    expect(atom).toMatch(/<link rel="self" href="https:\/\/news\.example\/feed\.xml"\/>/);
    expect(JSON.parse(jsonFeed(channel, [], { name: 'News', url: 'https://news.example/' })).hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
  });

  it('name no hub when none is configured', () => {
    const plain = { ...channel, hubUrl: undefined };
    expect(rssXml(plain, [])).not.toContain('rel="hub"');
    expect(JSON.parse(jsonFeed(plain, [], { name: 'News', url: 'https://news.example/' })).hubs).toBeUndefined();
  });
});
