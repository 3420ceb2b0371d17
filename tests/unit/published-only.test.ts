import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../../lib/content/article.ts';
import { loadDirectory } from '../../lib/content/directory.ts';
import { loadFeedContent } from '../../lib/content/feed.ts';
import { loadHome } from '../../lib/content/home.ts';
import { loadListing } from '../../lib/content/listing.ts';
import { loadLiveBlog } from '../../lib/content/live.ts';
import { loadOnward } from '../../lib/content/onward.ts';
import { loadSearch } from '../../lib/content/search.ts';
import { loadNewsEntries, loadSitemapContent } from '../../lib/content/sitemap.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';
import type { QuerySource } from '../../lib/content/sources/query-source.ts';
import { hostileDocuments } from '../fixtures/hostile-documents.ts';
import { liveBlogDocument } from '../fixtures/live-blog.ts';

/*
 * Two filters keep unpublished documents from readers, each on its own so that a mistake in
 * one is caught by the other: the embedded source hands a `published` query only published
 * documents, and every query carries the GROQ `isPublic` fragment (for Sanity, where the
 * client's perspective is the only other guard). Each is tested here WITHOUT the other, so
 * removing either one fails a test. "DRAFT LEAK" marks every unpublished document.
 */
const docs = hostileDocuments as { _id: string; _type: string; [key: string]: unknown }[];
const unpublished = docs.filter((doc) => !/^[^.]+$/.test(doc._id)).map((doc) => doc._id);

/*
 * Sanity's `raw` perspective: every document, drafts and release versions included. The fixture's
 * reference to a draft's own id (`drafts.tag-draft-only`) is left out here: Sanity never writes
 * one (a reference names the published id), and `tags[]->` follows it whatever the filter says.
 */
const rawDataset = docs.map((doc) =>
  doc._id === 'article-hostile' ? { ...doc, tags: (doc.tags as { _ref: string }[]).filter((tag) => !tag._ref.startsWith('drafts.')) } : doc,
);
const rawSource: QuerySource = {
  name: 'sanity',
  async query<T>(query: string, params: Record<string, unknown>) {
    return (await (await evaluate(parse(query, { params }), { dataset: rawDataset, params })).get()) as T;
  },
  describe: () => ({ kind: 'raw' }),
};

/** The "DRAFT LEAK …" titles in a text, short enough to read in a failure. */
const leaks = (text: string) => [...new Set(text.match(/DRAFT LEAK[^"\\]*/g) ?? [])];

async function everythingAReaderSees(source: QuerySource): Promise<string> {
  const hostile = (await loadArticle(source, 'hostile-markup')).value;
  if (!hostile) throw new Error('the published hostile article is missing: nothing below would be read');
  const views = [
    (await loadHome(source)).value,
    hostile,
    // Its onward lists: the draft of this very article shares its tags.
    (await loadOnward(source, hostile.onwardFrom)).value,
    (await loadArticle(source, 'secret-draft')).value,
    (await loadArticle(source, 'secret-version')).value,
    (await loadArticle(source, 'embargoed')).value,
    (await loadListing(source, 'tag', 'world', 1)).value,
    (await loadListing(source, 'tag', 'draft-only', 1)).value,
    (await loadDirectory(source, 'tag')).value,
    (await loadFeedContent(source, { kind: 'site' }, 50)).value,
    (await loadSitemapContent(source)).value,
    (await loadNewsEntries(source)).value,
    (await loadSearch(source, ['draft'], 1, 20)).value,
  ];
  return JSON.stringify(views);
}

describe('the GROQ isPublic filter, on its own', () => {
  it('the fixture holds drafts and versions a raw read returns', async () => {
    expect(unpublished).toEqual(
      expect.arrayContaining(['drafts.article-hostile', 'drafts.article-secret-draft', 'versions.r1.article-secret-version', 'drafts.tag-draft-only']),
    );
    const all = await rawSource.query<string[]>('*[_type == "article"]._id', {}, 'published');
    expect(all).toEqual(expect.arrayContaining(['drafts.article-secret-draft', 'versions.r1.article-secret-version']));
  });

  it('keeps every draft, release version and embargoed article out of every page, onward list, feed, sitemap and search, even from a raw source', async () => {
    const seen = await everythingAReaderSees(rawSource);
    expect(seen).toContain('Minimal article');
    expect(leaks(seen)).toEqual([]);
  });
});

describe("the embedded source's published/draft split, on its own", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nmn-published-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'data.ndjson');
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));
  const source = createEmbeddedSource(file, () => {});

  it('answers a query with no filter of its own with published documents only', async () => {
    const ids = await source.query<string[]>('*[]._id', {}, 'published');
    expect(ids).toContain('article-hostile');
    for (const id of unpublished) expect(ids).not.toContain(id);
    const titles = await source.query<unknown[]>('*[_type in ["article", "tag"]].title', {}, 'published');
    // The embargoed article is published (its time has not come): the queries' date filter hides it.
    expect(leaks(JSON.stringify(titles))).toEqual(['DRAFT LEAK embargoed until 2099']);
  });

  it('lays drafts over their published documents only in the drafts perspective, and never shows release versions', async () => {
    const titles = await source.query<{ _id: string; title: unknown }[]>('*[_type == "article"]{_id, title}', {}, 'drafts');
    expect(titles).toContainEqual({ _id: 'article-hostile', title: 'DRAFT LEAK headline' });
    expect(titles.map((doc) => doc._id)).not.toContain('versions.r1.article-secret-version');
    expect(leaks(JSON.stringify(titles))).not.toContain('DRAFT LEAK release version');
  });
});

describe('the GROQ isPublic filter on live updates, on its own', () => {
  const at = '2026-11-25T05:00:00Z';
  const body = (text: string) => [{ _type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's', text, marks: [] }] }];
  const update = (id: string, text: string) => ({
    _id: id,
    _type: 'liveUpdate',
    article: { _type: 'reference', _ref: 'article-blog' },
    publishedAt: '2026-11-25T06:00:00Z',
    body: body(text),
  });
  const dataset = [
    liveBlogDocument('blog', at, { publishedAt: at }),
    update('liveUpdate-public', 'Public update.'),
    update('drafts.liveUpdate-public', 'DRAFT LEAK draft of an update'),
    update('drafts.liveUpdate-new', 'DRAFT LEAK unpublished update'),
    update('versions.r1.liveUpdate-planned', 'DRAFT LEAK release version of an update'),
  ];
  const raw: QuerySource = {
    name: 'sanity',
    async query<T>(query: string, params: Record<string, unknown>) {
      return (await (await evaluate(parse(query, { params }), { dataset, params })).get()) as T;
    },
    describe: () => ({ kind: 'raw' }),
  };

  it("keeps drafts and release versions of updates off a live blog's page, even from a raw source", async () => {
    const seen = JSON.stringify((await loadLiveBlog(raw, 'blog', 1, 'https://example.test')).value);
    expect(seen).toContain('Public update.');
    expect(leaks(seen)).toEqual([]);
  });
});
