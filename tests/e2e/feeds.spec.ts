import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

/*
 * Feeds on the built `sample` site, read by a real feed reader library
 * (Debian's python3-feedparser) the way a poller fetches them.
 */

const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const SEED_TITLE = 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions';

type Reading = { bozo: number; error: string | null; version: string; entries: { title: string; link: string; id: string; content: string }[] };

function readFeed(xml: string): Reading {
  const script = String.raw`
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({'bozo': int(d.bozo), 'error': str(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
  'entries': [{'title': e.get('title'), 'link': e.get('link'), 'id': e.get('id'), 'content': (e.get('content') or [{}])[0].get('value', '')} for e in d.entries]}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' })) as Reading;
}

for (const [path, type, version] of [
  ['/feed.xml', 'application/rss+xml; charset=utf-8', 'rss20'],
  ['/atom.xml', 'application/atom+xml; charset=utf-8', 'atom10'],
] as const) {
  test(`${path} is a valid feed with validators for pollers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(type);
    expect(response.headers()['etag']).toMatch(/^"[\w-]+"$/);
    expect(response.headers()['last-modified']).toMatch(/GMT$/);
    expect(response.headers()['cache-control']).toMatch(/public.*s-maxage=60.*stale-while-revalidate=\d+/);
    const reading = readFeed(await response.text());
    expect(reading.error).toBeNull();
    expect(reading.bozo).toBe(0);
    expect(reading.version).toBe(version);
    expect(reading.entries.map((entry) => entry.title)).toContain(SEED_TITLE);
    expect(reading.entries.some((entry) => entry.title.startsWith('DRAFT'))).toBe(false);
  });
}

test('/feed.json is JSON Feed 1.1', async ({ request }) => {
  const response = await request.get('/feed.json');
  expect(response.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
  const feed = await response.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.items.find((item: { title: string }) => item.title === SEED_TITLE)?.content_html).toContain('<h2>');
});

for (const path of ['/feed.xml', '/tags/world/feed.xml', '/sources/nextminutenews/feed.xml']) {
  test(`${path} carries the seed article in full, with its headings`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const reading = readFeed(await response.text());
    expect(reading.bozo).toBe(0);
    const seed = reading.entries.find((entry) => entry.link.endsWith(`/articles/${SEED}`));
    expect(seed?.id).toBe(`urn:nextminutenews:article:article-${SEED}`);
    expect(seed?.content).toContain('<h2>Kazakhstan’s Multi-Vector Diplomacy Under Strain</h2>');
    expect(seed?.content.match(/<h2>/g)?.length).toBe(5);
  });
}

test('a poller that already has the feed gets 304 Not Modified', async ({ request }) => {
  const first = await request.get('/feed.xml');
  const etag = first.headers()['etag'] ?? '';
  const lastModified = first.headers()['last-modified'] ?? '';
  const byTag = await request.get('/feed.xml', { headers: { 'If-None-Match': etag } });
  expect(byTag.status()).toBe(304);
  expect(await byTag.text()).toBe('');
  const byDate = await request.get('/feed.xml', { headers: { 'If-Modified-Since': lastModified } });
  expect(byDate.status()).toBe(304);
  const changed = await request.get('/feed.xml', { headers: { 'If-None-Match': '"something-else"' } });
  expect(changed.status()).toBe(200);
});

test('an unknown tag or source has no feed', async ({ request }) => {
  expect((await request.get('/tags/no-such-tag/feed.xml')).status()).toBe(404);
  expect((await request.get('/sources/no-such-source/feed.xml')).status()).toBe(404);
});

test('every page names the site feeds for feed readers, and tag pages their own', async ({ page, request }) => {
  for (const path of ['/', `/articles/${SEED}`, '/tags/world']) {
    await page.goto(path);
    for (const type of ['application/rss+xml', 'application/atom+xml', 'application/feed+json']) {
      await expect(page.locator(`head link[rel="alternate"][type="${type}"]`).first(), `${type} on ${path}`).toHaveAttribute(
        'href',
        /\/(feed\.xml|atom\.xml|feed\.json)$/,
      );
    }
  }
  const tagFeed = page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="/tags/world/feed.xml"]');
  await expect(tagFeed).toHaveCount(1);
  expect((await request.get((await tagFeed.getAttribute('href')) ?? '')).status()).toBe(200);
  await expect(page.getByRole('main').getByRole('link', { name: 'Follow via RSS' })).toHaveAttribute('href', '/tags/world/feed.xml');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Follow via RSS' })).toHaveAttribute('href', '/feed.xml');
});
