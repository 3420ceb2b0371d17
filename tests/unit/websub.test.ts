import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { atomXml, jsonFeed, rssXml } from '../../lib/feeds/build.ts';
import type { FeedChannel } from '../../lib/feeds/feed-item.ts';
import { feedPathsForChange } from '../../lib/websub/feeds-for-change.ts';
import { notifyHubOfChange } from '../../lib/websub/ping-hub.ts';
import { notifySite } from '../../lib/import/notify.ts';

const SITE = ['/feed.xml', '/atom.xml', '/feed.json'];

describe('feedPathsForChange', () => {
  it("names an article's site, tag and source feeds from the webhook projection", () => {
    const paths = feedPathsForChange({ _id: 'article-a', _type: 'article', slug: 'a', tagSlugs: ['energy', 'new york'], sourceSlugs: ['wire'] });
    expect(paths).toEqual([...SITE, '/tags/energy/feed.xml', '/sources/wire/feed.xml']);
  });

  it('reads tag and source slugs from the references of a whole document', () => {
    const doc = { _id: 'article-a', _type: 'article', slug: { current: 'a' }, tags: [{ _ref: 'tag-energy' }], sources: [{ _ref: 'source-wire' }] };
    expect(feedPathsForChange(doc)).toEqual([...SITE, '/tags/energy/feed.xml', '/sources/wire/feed.xml']);
  });

  it("adds a live blog's own feed, for the blog and for each of its updates", () => {
    expect(feedPathsForChange({ _type: 'article', slug: 'vote', coverage: 'live' })).toContain('/articles/vote/feed.xml');
    expect(feedPathsForChange({ _type: 'liveUpdate', article: { _ref: 'article-vote' } })).toEqual(['/articles/vote/feed.xml', ...SITE]);
    expect(feedPathsForChange({ _type: 'article', slug: 'plain' })).not.toContain('/articles/plain/feed.xml');
  });

  it("names the feeds of a tag written in any script, percent-encoded", () => {
    expect(feedPathsForChange({ _type: 'tag', slug: { current: 'казахстан' } })).toEqual([`/tags/${encodeURIComponent('казахстан')}/feed.xml`]);
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
    const article = { _id: 'article-a', _type: 'article', slug: { current: 'a' }, coverage: 'live', tags: [{ _ref: 'tag-energy' }], sources: [{ _ref: 'source-wire' }] };
    await notifySite(url, [article], 'x'.repeat(32));
    site.close();
    expect(feedPathsForChange(delivered)).toEqual([...SITE, '/tags/energy/feed.xml', '/sources/wire/feed.xml', '/articles/a/feed.xml']);
  });

  it('names a tag or source its own feed, and nothing for other types or garbage', () => {
    expect(feedPathsForChange({ _type: 'tag', slug: { current: 'energy' } })).toEqual(['/tags/energy/feed.xml']);
    expect(feedPathsForChange({ _type: 'author', slug: 'x' })).toEqual([]);
    expect(feedPathsForChange(null)).toEqual([]);
    expect(feedPathsForChange({ _type: 'tag', slug: '../../etc' })).toEqual([]);
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
    const accepted = await notifyHubOfChange(hubUrl, 'https://news.example', { _type: 'tag', slug: 'energy' });
    hub.close();
    expect(accepted).toEqual(['https://news.example/tags/energy/feed.xml']);
    expect(pings.map((body) => Object.fromEntries(new URLSearchParams(body)))).toEqual([
      { 'hub.mode': 'publish', 'hub.url': 'https://news.example/tags/energy/feed.xml' },
    ]);
  });

  it('sends nothing without a hub', async () => {
    expect(await notifyHubOfChange(undefined, 'https://news.example', { _type: 'tag', slug: 'energy' })).toEqual([]);
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
