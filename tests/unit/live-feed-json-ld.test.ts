import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveModifiedAt, loadLiveBlog, newestUpdates } from '@/lib/content/live';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { liveFeedDocument } from '@/lib/feeds/live-feed';
import { serializeJsonLd } from '@/lib/seo/json-ld';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const ORIGIN = 'https://news.example';
const source = createEmbeddedSource(SAMPLE, () => {});
const load = async (slug: string) => (await loadLiveBlog(source, slug, 1, ORIGIN)).value!;

function feedOf(blog: Awaited<ReturnType<typeof load>>) {
  return liveFeedDocument({ ...blog, modifiedAt: liveModifiedAt(blog), updates: newestUpdates(blog) }, ORIGIN);
}

describe('the live feed', () => {
  it('lists the updates newest first, pinned ones in their place, each linking to its anchor', async () => {
    const blog = await load('storm-kestrel-live');
    const { body, contentType, lastModified } = feedOf(blog);
    expect(contentType).toMatch(/^application\/rss\+xml/);
    expect(lastModified).toBe('2026-11-25T19:50:00.000Z');
    const links = [...body.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]);
    expect(links).toHaveLength(41);
    expect(links[0]).toBe('https://news.example/articles/storm-kestrel-live#update-liveUpdate-storm-kestrel-live-45');
    expect(links).toContain('https://news.example/articles/storm-kestrel-live#update-liveUpdate-storm-kestrel-live-7');
    const dates = [...body.matchAll(/<item>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)].map((match) => Date.parse(match[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(body).toContain('<guid isPermaLink="false">urn:nextminutenews:liveUpdate:liveUpdate-storm-kestrel-live-45</guid>');
    expect(body).not.toContain('EMBARGOED');
  });

  it('is read by feedparser without errors', async () => {
    const { body } = feedOf(await load('storm-kestrel-live'));
    const script = 'import sys, feedparser, json; f = feedparser.parse(sys.stdin.read()); print(json.dumps([int(f.bozo), len(f.entries), f.entries[0].link]))';
    const [bozo, count, link] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: body, encoding: 'utf8' })) as [number, number, string];
    expect([bozo, count]).toEqual([0, 41]);
    expect(link).toMatch(/#update-liveUpdate-storm-kestrel-live-45$/);
  });

  it('keeps hostile text well-formed', async () => {
    const blog = await load('storm-kestrel-live');
    const hostile = { ...blog.updates[0]!, label: 'a ]]> b ]]> <script>', bodyHtml: '<p>x ]]> y ]]> z</p>' };
    const { body } = liveFeedDocument({ ...blog, title: 'Storm & <co>', modifiedAt: undefined, updates: [hostile] }, ORIGIN);
    expect(body).toContain('<![CDATA[a ]]]]><![CDATA[> b ]]]]><![CDATA[> <script>]]>');
    expect(body).toContain('<title>Storm &amp; &lt;co&gt; · NextMinuteNews</title>');
  });
});

describe('LiveBlogPosting JSON-LD', () => {
  it('a running blog: coverage start, no end, the latest updates as BlogPosting with their anchors', async () => {
    const graph = (await load('storm-kestrel-live')).jsonLd as unknown as { '@graph': Array<Record<string, unknown>> };
    const posting = graph['@graph'][0]!;
    expect(posting).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: 'Storm Kestrel: Live Updates as Floods Reach Marrowgate',
      coverageStartTime: '2026-11-25T05:00:00.000Z',
      dateModified: '2026-11-25T19:50:00.000Z',
    });
    expect(posting.coverageEndTime).toBeUndefined();
    const updates = posting.liveBlogUpdate as Array<Record<string, unknown>>;
    expect(updates).toHaveLength(10);
    expect(updates[0]).toMatchObject({
      '@type': 'BlogPosting',
      url: 'https://news.example/articles/storm-kestrel-live#update-liveUpdate-storm-kestrel-live-45',
      datePublished: '2026-11-25T19:50:00.000Z',
    });
    expect(graph['@graph'][1]!['@type']).toBe('BreadcrumbList');
  });

  it('an ended blog carries its end; the serialised graph has no raw "<"', async () => {
    const blog = await load('steppe-film-awards-live');
    const posting = (blog.jsonLd as unknown as { '@graph': Array<Record<string, unknown>> })['@graph'][0]!;
    expect(posting).toMatchObject({ coverageStartTime: '2026-10-19T17:30:00.000Z', coverageEndTime: '2026-10-19T19:40:00.000Z' });
    const hostile = { ...blog.jsonLd, '@graph': [{ ...posting, headline: '</script><script>alert(1)</script>' }] };
    expect(serializeJsonLd(hostile as never)).not.toContain('<');
  });
});
