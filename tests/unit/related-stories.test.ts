import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '@/lib/content/article';
import { loadOnward } from '@/lib/content/onward';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const quiet = () => {};

async function onwardFor(dataset: string, slug: string) {
  const source = createEmbeddedSource(dataset, quiet);
  const article = (await loadArticle(source, slug)).value;
  if (!article) throw new Error(`no article ${slug}`);
  return { article, onward: (await loadOnward(source, article.onwardFrom)).value };
}

describe('onward journeys on the sample dataset', () => {
  it('related stories share the most tags, then are the newest, never the article itself', async () => {
    const { article, onward } = await onwardFor(SAMPLE, SEED);
    const slugs = onward.related.map((a) => a.slug);
    expect(slugs.length).toBe(4);
    expect(slugs).not.toContain(SEED);
    // The Aldane summit shares all three of the seed's tags (world, central-asia, politics).
    expect(slugs[0]).toBe('regional-leaders-meet-in-aldane-to-discuss-transit-corridor');
    const tagIds = new Set(article.tags.map((t) => t._id));
    const shared = onward.related.map((a) => a.tags.filter((t) => tagIds.has(t._id)).length);
    expect([...shared].sort((a, b) => b - a)).toEqual(shared);
    expect(shared.every((n) => n > 0)).toBe(true);
  });

  it('"More from" lists the lead source, newest first, never the article itself', async () => {
    const { article, onward } = await onwardFor(SAMPLE, SEED);
    const lead = article.sources[0]!;
    expect(lead.slug).toBe('nextminutenews');
    expect(onward.fromSource.length).toBe(4);
    expect(onward.fromSource.map((a) => a.slug)).not.toContain(SEED);
    expect(onward.fromSource.every((a) => a.sources.some((s) => s._id === lead._id))).toBe(true);
    const dates = onward.fromSource.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('previous and next are the neighbours under the lead tag by publication date', async () => {
    const { onward } = await onwardFor(SAMPLE, SEED);
    // Lead tag "world": port fees (2 Nov) < seed (20 Nov) < Aldane summit (25 Nov).
    expect(onward.previous?.slug).toBe('port-aldane-raises-harbour-fees-for-first-time-in-a-decade');
    expect(onward.next?.slug).toBe('regional-leaders-meet-in-aldane-to-discuss-transit-corridor');
  });

  it('the newest story under its lead tag has no next one', async () => {
    const { onward } = await onwardFor(SAMPLE, 'regional-leaders-meet-in-aldane-to-discuss-transit-corridor');
    expect(onward.next).toBeNull();
    expect(onward.previous?.slug).toBe(SEED);
  });
});

describe('onward journeys on the hostile fixture', () => {
  it('an article without tags or sources gets empty lists, not an error', async () => {
    const source = createEmbeddedSource(HOSTILE, quiet);
    const { value } = await loadOnward(source, { _id: 'article-none', publishedAt: '2026-01-01T00:00:00Z', tags: [], sources: [] });
    expect(value).toEqual({ related: [], fromSource: [], previous: null, next: null });
  });
});
