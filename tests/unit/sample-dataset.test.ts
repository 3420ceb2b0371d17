import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson, type RawDocument } from '../../lib/dataset/ndjson.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = join(root, 'sanity/sample-dataset/data.ndjson');
const SEED_SLUG = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const LATEST_ALLOWED = Date.parse('2026-11-26T00:00:00Z');

type Ref = { _ref: string };
type Article = RawDocument & {
  title: string;
  slug: { current: string };
  language: string;
  publishedAt: string;
  updatedAt?: string;
  featured: boolean;
  body: { style: string; listItem?: string; markDefs: { _type: string; href: string }[] }[];
  tags: Ref[];
  sources: Ref[];
  authors: Ref[];
  corrections: unknown[];
};

function build(out: string): void {
  execFileSync(process.execPath, ['scripts/build-sample.ts', '--out', out], {
    cwd: root,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: 'pipe',
  });
}

describe('the sample dataset', () => {
  let first: Buffer;
  let docs: RawDocument[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'nmn-sample-'));
    build(join(dir, 'a.ndjson'));
    build(join(dir, 'b.ndjson'));
    first = readFileSync(join(dir, 'a.ndjson'));
    expect(readFileSync(join(dir, 'b.ndjson'))).toEqual(first);
    const parsed = parseNdjson(first.toString('utf8'));
    expect(parsed.problems).toEqual([]);
    docs = parsed.docs;
  }, 30_000);

  it('is rebuilt byte-identically, and the committed file is up to date (run `npm run sample`)', () => {
    expect(readFileSync(committed).equals(first)).toBe(true);
  });

  const published = () => docs.filter((d): d is Article => d._type === 'article' && !d._id.startsWith('drafts.'));

  it('lists taxonomy before articles and has enough of each', () => {
    const firstArticle = docs.findIndex((d) => d._type === 'article');
    expect(docs.slice(firstArticle).every((d) => d._type === 'article' || d._type === 'liveUpdate')).toBe(true);
    expect(docs.filter((d) => d._type === 'tag').length).toBeGreaterThanOrEqual(6);
    expect(docs.filter((d) => d._type === 'source').length).toBeGreaterThanOrEqual(4);
    expect(docs.filter((d) => d._type === 'author').length).toBeGreaterThanOrEqual(3);
    expect(docs.find((d) => d._id === 'source-nextminutenews')).toMatchObject({ kind: 'online', url: 'https://nextminutenews.example' });
    expect(docs.some((d) => d._type === 'source' && d.stateAffiliated === true)).toBe(true);
    expect(published().length).toBeGreaterThanOrEqual(12);
  });

  it('has the seed as a featured story published 2026-11-20T08:00Z with its wire-copy structure', () => {
    const seed = published().find((a) => a.slug.current === SEED_SLUG)!;
    expect(seed).toMatchObject({ _id: `article-${SEED_SLUG}`, featured: true, publishedAt: '2026-11-20T08:00:00.000Z' });
    expect(seed.body.filter((b) => b.style === 'h2')).toHaveLength(5);
    expect(seed.sources[0]!._ref).toBe('source-nextminutenews');
    expect(seed.tags.map((t) => t._ref)).toEqual(['tag-world', 'tag-central-asia', 'tag-politics']);
    expect(seed.authors).toHaveLength(1);
  });

  it('covers the cases pages must handle: correction, update, other language, link, lists, long articles', () => {
    const articles = published();
    expect(articles.some((a) => a.corrections.length > 0)).toBe(true);
    expect(articles.some((a) => a.updatedAt !== undefined && a.updatedAt > a.publishedAt)).toBe(true);
    expect(articles.filter((a) => a.featured).length).toBeGreaterThanOrEqual(2);
    const russian = articles.find((a) => a.language === 'ru')!;
    expect(russian.title).toMatch(/\p{Script=Cyrillic}/u);
    expect(russian.slug.current).toMatch(/^[a-z0-9-]+$/);
    expect(articles.some((a) => a.body.some((b) => b.markDefs.some((m) => m._type === 'link' && m.href.startsWith('https://'))))).toBe(true);
    expect(articles.some((a) => a.body.some((b) => b.listItem === 'number'))).toBe(true);
    expect(articles.filter((a) => a.body.filter((b) => b.style === 'h2').length > 3).length).toBeGreaterThanOrEqual(3);
  });

  it('has unique slugs, resolving references, and no date after 2026-11-26', () => {
    const articles = published();
    expect(new Set(articles.map((a) => a.slug.current)).size).toBe(articles.length);
    const ids = new Set(docs.map((d) => d._id));
    for (const article of articles) {
      for (const ref of [...article.tags, ...article.sources, ...article.authors]) expect(ids).toContain(ref._ref);
      expect(article.tags.length).toBeGreaterThan(0);
      expect(Date.parse(article.publishedAt)).toBeLessThan(LATEST_ALLOWED);
      expect(Date.parse(article._updatedAt as string)).toBeLessThan(LATEST_ALLOWED);
    }
    for (const tag of ['world', 'central-asia', 'politics', 'economy', 'climate', 'technology']) {
      expect(articles.some((a) => a.tags.some((t) => t._ref === `tag-${tag}`))).toBe(true);
    }
  });

  it('holds one draft of a published article with a changed headline', () => {
    const drafts = docs.filter((d): d is Article => d._id.startsWith('drafts.') && d._type === 'article');
    expect(drafts).toHaveLength(1);
    const original = published().find((a) => `drafts.${a._id}` === drafts[0]!._id)!;
    expect(original).toBeDefined();
    expect(drafts[0]!.title).not.toBe(original.title);
    expect(drafts[0]!.slug.current).toBe(original.slug.current);
  });
});
