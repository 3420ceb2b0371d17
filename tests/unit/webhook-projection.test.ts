import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { parseChange } from '@/lib/revalidate/change';
import { tagsForChange } from '@/lib/revalidate/tags-for-change';
import { WEBHOOK_PROJECTION } from '@/lib/revalidate/webhook-projection';

/*
 * The webhook projection editors paste into Sanity (docs/editors.md), run as Sanity runs it:
 * groq-js in delta mode, with the document before and after the change. An article edit that
 * moves it in no list expires its own key and slug only; everything else expires the lists.
 */

const tag = { _id: 'tag-climate', _type: 'tag', title: 'Climate', slug: { current: 'climate' } };
const source = { _id: 'source-wire', _type: 'source', name: 'Wire', slug: { current: 'wire' } };
const article = {
  _id: 'article-lake',
  _type: 'article',
  _rev: 'r1',
  _updatedAt: '2026-11-30T10:00:00Z',
  title: 'Lake levels fall',
  standfirst: 'A dry summer.',
  slug: { _type: 'slug', current: 'lake-levels-fall' },
  publishedAt: '2026-11-30T09:00:00Z',
  tags: [{ _type: 'reference', _ref: 'tag-climate', _key: 'a' }],
  sources: [{ _type: 'reference', _ref: 'source-wire', _key: 'b' }],
  body: [{ _type: 'block', _key: 'p', children: [{ _type: 'span', _key: 's', text: 'Water.' }] }],
};
const edit = (changes: Record<string, unknown>) => ({ ...article, _rev: 'r2', _updatedAt: '2026-11-30T11:00:00Z', ...changes });

async function delivered(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const doc = after ?? before;
  const value = await (await evaluate(parse(WEBHOOK_PROJECTION, { mode: 'delta' }), { root: doc, before, after, dataset: [tag, source] })).get();
  const parsed = parseChange(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { value, tags: tagsForChange(parsed.change) };
}

describe('the webhook projection', () => {
  it.each([
    ['a corrected headline', { title: 'Lake levels fall sharply' }],
    ['a new standfirst and body', { standfirst: 'A very dry summer.', body: [] }],
    ['a correction note', { corrections: [{ _key: 'c', date: '2026-11-30', text: 'Fixed the date.' }] }],
  ])('%s expires the article and its slug, not the article lists', async (_, changes) => {
    const { value, tags } = await delivered(article, edit(changes));
    expect(value).toMatchObject({ _id: 'article-lake', listsChanged: false, tagSlugs: ['climate'], sourceSlugs: ['wire'] });
    expect(tags).toEqual({ revalidate: true, tags: ['doc:article-lake', 'any:article', 'slug:article:lake-levels-fall'] });
  });

  it.each([
    ['a new publication date', { publishedAt: '2026-11-30T12:00:00Z' }],
    ['another tag', { tags: [] }],
    ['a new slug', { slug: { _type: 'slug', current: 'lake-falls' }, previousSlugs: ['lake-levels-fall'] }],
    ['featured on home', { featured: true }],
    ['a headline and a tag at once', { title: 'New', tags: [] }],
  ])('%s expires the article lists too', async (_, changes) => {
    const { value, tags } = await delivered(article, edit(changes));
    expect(value).toMatchObject({ listsChanged: true });
    expect(tags).toMatchObject({ revalidate: true, tags: expect.arrayContaining(['doc:article-lake', 'list:article']) });
  });

  it('a new and a deleted article change lists', async () => {
    expect((await delivered(null, article)).tags).toMatchObject({ tags: expect.arrayContaining(['list:article']) });
    expect((await delivered(article, null)).tags).toMatchObject({ tags: expect.arrayContaining(['list:article']) });
  });

  it('any change to a tag changes lists (tags are listed by title)', async () => {
    const { tags } = await delivered(tag, { ...tag, _rev: 'r2', title: 'Climate and weather' });
    expect(tags).toEqual({ revalidate: true, tags: ['doc:tag-climate', 'list:tag', 'any:tag', 'slug:tag:climate'] });
  });

  it('a payload without listsChanged (the whole document) expires the lists, as before', async () => {
    const parsed = parseChange({ ...article, listsChanged: 'false' });
    expect(parsed.ok && tagsForChange(parsed.change)).toMatchObject({ tags: expect.arrayContaining(['list:article']) });
    const whole = parseChange(article);
    expect(whole.ok && tagsForChange(whole.change)).toMatchObject({ tags: expect.arrayContaining(['list:article']) });
  });

  it('is the one docs/editors.md tells editors to paste into Sanity', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/editors.md'), 'utf8')).toContain(WEBHOOK_PROJECTION);
  });
});
