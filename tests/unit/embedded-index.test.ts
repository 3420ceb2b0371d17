import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { articleQuery, articleRedirectQuery } from '@/lib/content/article';
import { directoryQueries } from '@/lib/content/directory';
import { listingQueries } from '@/lib/content/listing';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { createQueryRunner, indexDataset } from '@/lib/content/sources/indexed-query';
import type { RawDocument } from '@/lib/dataset/ndjson';
import { copyDataset, editDocument, upsertDocuments } from '../helpers/dataset.ts';

/*
 * The embedded source's index: `->` by id, scans narrowed by type, slug, previous slug
 * or reference, each query parsed once. Reads of the dataset array are counted: an
 * indexed query reads none of it.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const NOW = new Date('2026-11-20T12:00:00Z');
const ref = (id: string) => ({ _type: 'reference', _ref: id, _key: id });

function article(n: number, extra: Record<string, unknown> = {}): RawDocument {
  return {
    _id: `article-${n}`,
    _type: 'article',
    title: `Story ${n}`,
    slug: { _type: 'slug', current: `story-${n}` },
    publishedAt: `2026-01-${String((n % 28) + 1).padStart(2, '0')}T08:00:00Z`,
    tags: [ref(n % 2 ? 'tag-odd' : 'tag-even')],
    authors: [ref('author-ana')],
    ...extra,
  };
}

const DOCS: RawDocument[] = [
  { _id: 'tag-odd', _type: 'tag', title: 'Odd', slug: { _type: 'slug', current: 'odd' } },
  { _id: 'tag-even', _type: 'tag', title: 'Even', slug: { _type: 'slug', current: 'even' } },
  { _id: 'author-ana', _type: 'author', name: 'Ana', slug: { _type: 'slug', current: 'ana' } },
  ...Array.from({ length: 40 }, (_, n) => article(n, n === 7 ? { previousSlugs: ['old-seven'] } : {})),
];

/** The dataset behind a Proxy that counts element reads, so a test sees whether a query scanned it. */
function counted(docs: RawDocument[]) {
  const target = indexDataset(docs);
  let reads = 0;
  const dataset = new Proxy(target.dataset, {
    get(array, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(array, key, receiver);
    },
  });
  return { target: { ...target, dataset }, reads: () => reads };
}

describe('the embedded dataset index', () => {
  it('finds an article by slug, and a made-up slug, without scanning the dataset', async () => {
    const runner = createQueryRunner();
    const { target, reads } = counted(DOCS);
    const found = await runner.run<{ title: string; tags: { slug: string }[] }>(target, articleQuery, { slug: 'story-3' }, NOW);
    expect(found.title).toBe('Story 3');
    expect(found.tags.map((tag) => tag.slug)).toEqual(['odd']);
    expect(await runner.run(target, articleQuery, { slug: 'made-up-slug' }, NOW)).toBeNull();
    expect(await runner.run(target, articleRedirectQuery, { slug: 'made-up-slug' }, NOW)).toBeNull();
    expect(await runner.run(target, articleRedirectQuery, { slug: 'old-seven' }, NOW)).toEqual({ slug: 'story-7' });
    expect(reads()).toBe(0);
  });

  it('dereferences by id and keeps per-type lists in dataset order', async () => {
    const runner = createQueryRunner();
    const { target, reads } = counted(DOCS);
    expect(await runner.run(target, `*[_type == "tag"].title`, {}, NOW)).toEqual(['Odd', 'Even']);
    const cards = await runner.run(target, `*[_type == "article"][0...3]{title, "tag": tags[0]->title}`, {}, NOW);
    expect(cards).toEqual([
      { title: 'Story 0', tag: 'Even' },
      { title: 'Story 1', tag: 'Odd' },
      { title: 'Story 2', tag: 'Even' },
    ]);
    const names = await runner.run(target, `*[_type == "article" && slug.current == "story-4"][0].authors[]->name`, {}, NOW);
    expect(names).toEqual(['Ana']);
    expect(reads()).toBe(0);
  });

  it('counts and lists the articles referencing each tag without a scan per tag', async () => {
    const runner = createQueryRunner();
    const { target, reads } = counted(DOCS);
    const directory = await runner.run<{ slug: string; count: number }[]>(target, directoryQueries.tag, {}, NOW);
    expect(directory.map(({ slug, count }) => [slug, count])).toEqual([
      ['even', 20],
      ['odd', 20],
    ]);
    const listing = await runner.run<{ total: number; articles: { slug: string }[] }>(target, listingQueries.tag, { slug: 'odd', start: 0, end: 2 }, NOW);
    expect(listing.total).toBe(20);
    expect(listing.articles).toHaveLength(2);
    expect(reads()).toBe(0);
  });

  it('finds references as groq-js does: a reference object is not looked into, a nested array is', async () => {
    const odd: RawDocument[] = [
      { _id: 'a', _type: 'note', link: { _ref: 'x', inner: { _ref: 'y' } }, sources: [{ _ref: 'y' }] },
      { _id: 'b', _type: 'note', _ref: 'x', sources: [{ _ref: 'x' }], tags: [{ _ref: 'y' }] },
      { _id: 'c', _type: 'note', deep: [[{ _ref: 'y' }]], link: { _ref: 5, inner: { _ref: 'x' } }, tags: [{ _ref: 'x' }, { _ref: 'z' }] },
    ];
    const runner = createQueryRunner();
    const target = indexDataset(odd);
    for (const query of [`*[references($id)]._id`, `*[$id in sources[]._ref]._id`, `*[count(tags[_ref in [$id, "q"]]) > 0]._id`]) {
      for (const id of ['x', 'y', 'z', 5]) {
        const params = { id };
        const expected = await (await evaluate(parse(query, { params }), { dataset: odd, params })).get();
        expect(await runner.run(target, query, params, NOW), `${query} ${id}`).toEqual(expected);
      }
    }
  });

  it('still scans a filter it has no index for (the counter sees reads)', async () => {
    const runner = createQueryRunner();
    const { target, reads } = counted(DOCS);
    expect(await runner.run(target, `*[title == $title][0]._id`, { title: 'Story 5' }, NOW)).toBe('article-5');
    expect(reads()).toBeGreaterThan(DOCS.length / 2);
  });

  it('parses a query text once, whatever its parameters; a slice by parameters once per parameter set', async () => {
    const runner = createQueryRunner();
    const target = indexDataset(DOCS);
    for (const slug of ['story-1', 'story-2', 'nothing']) await runner.run(target, articleQuery, { slug }, NOW);
    expect(runner.planned).toBe(1);
    await runner.run(target, listingQueries.tag, { slug: 'odd', start: 0, end: 2 }, NOW);
    await runner.run(target, listingQueries.tag, { slug: 'even', start: 0, end: 2 }, NOW);
    await runner.run(target, listingQueries.tag, { slug: 'odd', start: 0, end: 2 }, NOW);
    expect(runner.planned).toBe(3);
  });
});

describe('the embedded source over a file', () => {
  const SEED = 'article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

  it('rebuilds its index when the file changes (a publish renames a slug)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nmn-index-')), 'dataset');
    copyDataset(SAMPLE, dir);
    const source = createEmbeddedSource(dir, () => {});
    const before = await source.query<{ title: string } | null>(
      articleQuery,
      { slug: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' },
      'published',
    );
    expect(before?.title).toContain('Kazakhstan');
    editDocument(dir, SEED, { slug: { _type: 'slug', current: 'kazakhstan-renamed' }, title: 'Renamed headline' });
    expect(await source.query(articleQuery, { slug: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' }, 'published')).toBeNull();
    expect((await source.query<{ title: string }>(articleQuery, { slug: 'kazakhstan-renamed' }, 'published')).title).toBe('Renamed headline');
  });

  it('lays drafts over published documents in the drafts perspective only, found by the draft slug', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nmn-index-')), 'dataset');
    copyDataset(SAMPLE, dir);
    const source = createEmbeddedSource(dir, () => {});
    const published = await source.query<{ title: string }>(
      articleQuery,
      { slug: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' },
      'published',
    );
    upsertDocuments(dir, [
      {
        ...(await source.query<RawDocument>(`*[_id == $id][0]`, { id: SEED }, 'published')),
        _id: `drafts.${SEED}`,
        title: 'Draft headline',
        slug: { _type: 'slug', current: 'draft-slug' },
      },
    ]);
    expect((await source.query<{ title: string }>(articleQuery, { slug: 'draft-slug' }, 'drafts')).title).toBe('Draft headline');
    expect(await source.query(articleQuery, { slug: 'draft-slug' }, 'published')).toBeNull();
    expect(
      (await source.query<{ title: string }>(articleQuery, { slug: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' }, 'published'))
        .title,
    ).toBe(published.title);
  });
});
