import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../lib/dataset/ndjson.ts';
import { buildArticleDocument } from '../../lib/import/article-document.ts';
import { planArticleImport } from '../../lib/import/plan-import.ts';
import { parseWireCopy } from '../../lib/import/wire-copy.ts';

const seed = readFileSync(fileURLToPath(new URL('../../sanity/sample-content/articles/seed-article.txt', import.meta.url)), 'utf8');
const ref = (id: string) => ({ _type: 'reference', _ref: id, _key: expect.stringMatching(/^[0-9a-f]{12}$/) });

const dataset: RawDocument[] = [
  { _id: 'tag-world', _type: 'tag', title: 'World', slug: { _type: 'slug', current: 'world' } },
  { _id: 'source-nmn', _type: 'source', name: 'NextMinuteNews', slug: { _type: 'slug', current: 'nmn' } },
  { _id: 'author-dana-reyes', _type: 'author', name: 'Dana Reyes', slug: { _type: 'slug', current: 'dana-reyes' } },
];

describe("planArticleImport next to documents made in the Studio (ids of Sanity's own)", () => {
  const studio: RawDocument[] = [
    { _id: '0b5e1c9a-tag', _type: 'tag', title: 'World', slug: { _type: 'slug', current: 'world' } },
    { _id: '7d2f4e6b-source', _type: 'source', name: 'NextMinuteNews', slug: { _type: 'slug', current: 'nmn' } },
    { _id: '3c1a9e5f-author', _type: 'author', name: 'Dana Reyes', slug: { _type: 'slug', current: 'dana-reyes' } },
  ];

  it('refers to them by their ids and creates none twice, the sign-off source included', () => {
    const plan = planArticleImport(
      parseWireCopy(seed),
      { now: '2026-11-20T08:05:00.000Z', tags: ['world', 'central-asia'], sources: ['nmn'], authors: ['dana-reyes'] },
      studio,
    );
    expect(plan.article.tags).toEqual([ref('0b5e1c9a-tag'), ref('tag-central-asia')]);
    expect(plan.article.authors).toEqual([ref('3c1a9e5f-author')]);
    expect(plan.article.sources).toEqual([ref('7d2f4e6b-source')]);
    expect(plan.documents.map((doc) => doc._id).filter((id) => id !== plan.article._id)).toEqual(['tag-central-asia']);
  });

  it('takes a sign-off naming no known source to the source with its slug, not a second one', () => {
    const plan = planArticleImport({ ...parseWireCopy(seed), sourceName: 'NMN' }, { now: '2026-11-20T08:05:00.000Z' }, studio);
    expect(plan.article.sources).toEqual([ref('7d2f4e6b-source')]);
    expect(plan.documents).toEqual([plan.article]);
  });

  it('updates an article an earlier import wrote as article-<slug> with non-Latin letters, before ids were made id-safe', () => {
    const parsed = { ...parseWireCopy(seed), slug: 'καταιγίδα-στη-θεσσαλία' };
    const legacy: RawDocument = {
      _id: 'article-καταιγίδα-στη-θεσσαλία',
      _type: 'article',
      title: 'Old',
      slug: { _type: 'slug', current: 'καταιγίδα-στη-θεσσαλία' },
    };
    const plan = planArticleImport(parsed, { now: '2026-11-20T08:05:00.000Z', tags: ['world'] }, [...studio, legacy]);
    expect(plan).toMatchObject({ action: 'updated', article: { _id: legacy._id } });
    // Only its draft, from an import that did not publish: the draft is updated, no twin is made.
    const draft = planArticleImport(parsed, { now: '2026-11-20T08:05:00.000Z' }, [...studio, { ...legacy, _id: `drafts.${legacy._id}` }]);
    expect(draft).toMatchObject({ action: 'updated', article: { _id: `drafts.${legacy._id}` } });
    // Without it, a new import gets an id Sanity accepts.
    expect(planArticleImport(parsed, { now: '2026-11-20T08:05:00.000Z', tags: ['world'] }, studio).article._id).toMatch(/^article-[0-9a-f]{12}$/);
  });

  it('refuses a slug another article already has: two articles would share one URL', () => {
    const other: RawDocument = {
      _id: '9a8b7c6d-article',
      _type: 'article',
      title: 'Earlier',
      slug: { _type: 'slug', current: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' },
    };
    expect(() => planArticleImport(parseWireCopy(seed), { now: '2026-11-20T08:05:00.000Z' }, [...studio, other])).toThrow(
      /already exists \(9a8b7c6d-article.*"slug:"/,
    );
    // Its draft alone is no clash: the editor has not published it.
    expect(() =>
      planArticleImport(parseWireCopy(seed), { now: '2026-11-20T08:05:00.000Z' }, [...studio, { ...other, _id: 'drafts.9a8b7c6d-article' }]),
    ).not.toThrow();
  });
});

describe('planArticleImport for a new wire story', () => {
  const plan = planArticleImport(parseWireCopy(seed), { now: '2026-11-20T08:05:00.000Z', tags: ['world', 'central-asia'], authors: ['dana-reyes'] }, dataset);

  it('creates article-<slug> with the path /articles/<slug>', () => {
    expect(plan.action).toBe('created');
    expect(plan.article._id).toBe('article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions');
    expect(plan.path).toBe('/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions');
    expect(plan.article).toMatchObject({
      _type: 'article',
      title: 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions',
      slug: { _type: 'slug', current: 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions' },
      language: 'en',
      publishedAt: '2026-11-20T08:05:00.000Z',
      _createdAt: '2026-11-20T08:05:00.000Z',
      _updatedAt: '2026-11-20T08:05:00.000Z',
      featured: false,
      corrections: [],
    });
  });

  it('resolves the sign-off to the existing source by name, ignoring case, as the lead source', () => {
    const shouting = planArticleImport({ ...parseWireCopy(seed), sourceName: 'NEXTMINUTENEWS' }, { now: '2026-11-20T08:05:00Z' }, dataset);
    expect(shouting.article.sources).toEqual([ref('source-nmn')]);
    expect(plan.article.sources).toEqual([ref('source-nmn')]);
  });

  it('creates a tag that does not exist yet, titled from its slug, and says so', () => {
    expect(plan.article.tags).toEqual([ref('tag-world'), ref('tag-central-asia')]);
    expect(plan.documents.map((d) => d._id)).toEqual(['tag-central-asia', plan.article._id]);
    expect(plan.documents[0]).toMatchObject({ _type: 'tag', title: 'Central Asia', slug: { current: 'central-asia' } });
    expect(plan.log).toEqual([expect.stringContaining('created tag tag-central-asia')]);
  });

  it('gives no standfirst when none is given: the lede stays in the body, not repeated above it', () => {
    expect(plan.article.standfirst).toBeUndefined();
    expect(plan.article.body[0]!.children[0]!.text).toMatch(/^In the heart of Central Asia/);
  });

  it('takes a standfirst when one is given', () => {
    const given = planArticleImport(parseWireCopy(seed), { now: '2026-11-20T08:05:00Z', standfirst: 'A short summary.' }, dataset);
    expect(given.article.standfirst).toBe('A short summary.');
  });

  it('creates a source for an unknown sign-off, kind "other" unless known', () => {
    const other = planArticleImport({ ...parseWireCopy(seed), sourceName: 'Steppe Daily' }, { now: '2026-11-20T08:05:00Z' }, dataset);
    expect(other.documents[0]).toMatchObject({ _id: 'source-steppe-daily', _type: 'source', name: 'Steppe Daily', kind: 'other' });
    const reuters = planArticleImport({ ...parseWireCopy(seed), sourceName: 'Reuters' }, { now: '2026-11-20T08:05:00Z' }, dataset);
    expect(reuters.documents[0]).toMatchObject({ _id: 'source-reuters', kind: 'wire' });
  });
});

describe('re-importing the same headline', () => {
  const first = planArticleImport(
    parseWireCopy(seed),
    { now: '2026-11-20T08:00:00.000Z', tags: ['world'], authors: ['dana-reyes'], featured: true, publishedAt: '2026-11-20T08:00:00.000Z' },
    dataset,
  );
  const existing = {
    ...first.article,
    mainImage: { _type: 'image', alt: 'Kept' },
    corrections: [{ _type: 'correction', _key: 'c1', date: '2026-11-21', text: 'Fixed a name.' }],
  };
  const revised = seed.replace('In the heart of Central Asia', 'Deep in Central Asia').replace('— NextMinuteNews', '— Meridian Wire');
  const second = planArticleImport(parseWireCopy(revised), { now: '2026-11-22T10:00:00.000Z' }, [...dataset, ...first.documents.slice(0, -1), existing]);

  it('updates the same document instead of creating another', () => {
    expect(second.action).toBe('updated');
    expect(second.article._id).toBe(first.article._id);
  });

  it('replaces the copy and the sign-off source', () => {
    expect(second.article.body[0]!.children[0]!.text).toMatch(/^Deep in Central Asia/);
    expect(second.article.standfirst).toBeUndefined();
    expect(second.article.sources).toEqual([ref('source-meridian-wire')]);
  });

  it('keeps tags, authors, featured, corrections, publishedAt and unknown fields', () => {
    expect(second.article).toMatchObject({
      tags: [ref('tag-world')],
      authors: [ref('author-dana-reyes')],
      featured: true,
      publishedAt: '2026-11-20T08:00:00.000Z',
      corrections: [{ _key: 'c1', text: 'Fixed a name.' }],
      mainImage: { alt: 'Kept' },
    });
  });

  it('keeps _createdAt, moves _updatedAt to the import time and changes _rev', () => {
    expect(second.article._createdAt).toBe('2026-11-20T08:00:00.000Z');
    expect(second.article._updatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(second.article._rev).not.toBe(first.article._rev);
  });

  it('replaces tags when they are given again', () => {
    const third = planArticleImport(parseWireCopy(seed), { now: '2026-11-23T10:00:00.000Z', tags: ['politics'] }, [...dataset, existing]);
    expect(third.article.tags).toEqual([ref('tag-politics')]);
  });
});

describe('option slugs', () => {
  it('refuses a tag that is not a slug, naming it', () => {
    expect(() => planArticleImport(parseWireCopy(seed), { now: '2026-11-20T08:05:00Z', tags: ['World News'] }, dataset)).toThrow(
      /"World News" is not a tag slug/,
    );
  });
});

describe('buildArticleDocument', () => {
  it('gives a Russian headline a transliterated slug', () => {
    const doc = buildArticleDocument({ title: 'Новый мост через Урал открыт', body: [] }, { now: '2026-11-01T00:00:00Z', language: 'ru' });
    expect(doc._id).toBe('article-novyy-most-cherez-ural-otkryt');
    expect(doc.language).toBe('ru');
  });

  it('writes a headline over 160 characters as a draft, saying why', () => {
    const body = parseWireCopy(seed).body;
    const plan = planArticleImport({ title: `A${' long'.repeat(40)}`, body }, { now: '2026-11-01T00:00:00Z', tags: ['world'] }, dataset);
    expect(plan.status).toBe('draft');
    expect(plan.article._id).toMatch(/^drafts\.article-a-long/);
    expect(plan.problems).toEqual(['title: Keep the headline to 160 characters or fewer.']);
  });
});
