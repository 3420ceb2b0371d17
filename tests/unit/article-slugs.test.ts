import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleSlugs } from '../../lib/content/article.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';

/*
 * The list a made-up slug stops at (lib/content/article.ts getArticle): every slug a public
 * article answers to, so a real article or an old slug never reads as made up.
 */
const article = (id: string, slug: string, extra: Record<string, unknown> = {}) => ({
  _id: id,
  _type: 'article',
  title: id,
  slug: { _type: 'slug', current: slug },
  publishedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('loadArticleSlugs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nmn-slugs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'data.ndjson');
  const docs = [
    article('article-renamed', 'new-name', { previousSlugs: ['old-name', 'older-name'] }),
    article('article-odd-history', 'odd-history', { previousSlugs: 'not-a-list' }),
    article('article-embargoed', 'embargoed', { publishedAt: '2099-01-01T00:00:00Z' }),
    article('drafts.article-draft', 'draft-only'),
    { _id: 'tag-world', _type: 'tag', title: 'World', slug: { _type: 'slug', current: 'world' } },
  ];
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n'));

  it('holds current and previous slugs of public articles only', async () => {
    const { value } = await loadArticleSlugs(createEmbeddedSource(file, () => {}));
    expect(value.sort()).toEqual(['new-name', 'odd-history', 'old-name', 'older-name']);
  });
});
