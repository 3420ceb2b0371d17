import { describe, expect, it } from 'vitest';
import { parseChange } from '../../lib/revalidate/change.ts';
import { tagsForChange } from '../../lib/revalidate/tags-for-change.ts';

function tagsOf(payload: unknown) {
  const parsed = parseChange(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return tagsForChange(parsed.change);
}

describe('tagsForChange: which cached pages one change expires', () => {
  it("an article (whole document, Sanity's default payload): its doc, the article lists, its slug", () => {
    const article = {
      _id: 'article-lake',
      _type: 'article',
      _rev: 'x',
      title: 'Lake',
      slug: { _type: 'slug', current: 'lake' },
      tags: [{ _type: 'reference', _ref: 'tag-climate', _key: 'a' }],
    };
    expect(tagsOf(article)).toEqual({ revalidate: true, tags: ['doc:article-lake', 'list:article', 'any:article', 'slug:article:lake'] });
  });

  it('a projection {_id, _type, slug, previousSlugs} with slug.current as a string', () => {
    expect(tagsOf({ _id: 'article-new', _type: 'article', slug: 'new' })).toEqual({
      revalidate: true,
      tags: ['doc:article-new', 'list:article', 'any:article', 'slug:article:new'],
    });
  });

  it('a renamed article expires its old URLs too, so they turn into redirects', () => {
    const result = tagsOf({ _id: 'article-b', _type: 'article', slug: { current: 'new-title' }, previousSlugs: ['old-title', 'older', 'old-title', 42, ''] });
    expect(result).toEqual({
      revalidate: true,
      tags: ['doc:article-b', 'list:article', 'any:article', 'slug:article:new-title', 'slug:article:old-title', 'slug:article:older'],
    });
  });

  it('a tag, source or author: the articles showing it carry its doc tag, its own page its slug tag', () => {
    expect(tagsOf({ _id: 'tag-climate', _type: 'tag', slug: { current: 'climate' } })).toEqual({
      revalidate: true,
      tags: ['doc:tag-climate', 'list:tag', 'any:tag', 'slug:tag:climate'],
    });
    expect(tagsOf({ _id: 'source-wire', _type: 'source', slug: { current: 'wire' } })).toMatchObject({
      tags: expect.arrayContaining(['doc:source-wire', 'list:source']),
    });
  });

  it('a deleted document (no slug in the payload) still expires its doc and list tags', () => {
    expect(tagsOf({ _id: 'article-gone', _type: 'article' })).toEqual({ revalidate: true, tags: ['doc:article-gone', 'list:article', 'any:article'] });
  });

  it('a draft or a release version touches no public page', () => {
    expect(tagsOf({ _id: 'drafts.article-lake', _type: 'article', slug: { current: 'lake' } })).toMatchObject({ revalidate: false });
    expect(tagsOf({ _id: 'versions.r1.article-lake', _type: 'article', slug: { current: 'lake' } })).toMatchObject({ revalidate: false });
  });
});

describe('parseChange: refuses payloads the route must not act on', () => {
  it.each([
    ['not an object', 'article-a'],
    ['null', null],
    ['an array', [{ _id: 'a', _type: 'article' }]],
    ['no _id', { _type: 'article' }],
    ['no _type', { _id: 'article-a' }],
    ['a numeric _id', { _id: 12, _type: 'article' }],
    ['an _id with spaces', { _id: 'article a', _type: 'article' }],
    ['an _id with a colon (tag injection)', { _id: 'x:list:article', _type: 'article' }],
    ['a huge _id', { _id: 'a'.repeat(1000), _type: 'article' }],
    ['a _type with a colon', { _id: 'a', _type: 'article:x' }],
  ])('%s', (_name, payload) => {
    expect(parseChange(payload).ok).toBe(false);
  });

  it('drops a slug that is not a string and caps previousSlugs', () => {
    const parsed = parseChange({
      _id: 'article-a',
      _type: 'article',
      slug: { current: { evil: true } },
      previousSlugs: Array.from({ length: 500 }, (_, i) => `s${i}`),
    });
    expect(parsed.ok && parsed.change.slug).toBeUndefined();
    expect(parsed.ok && parsed.change.previousSlugs.length).toBe(50);
  });
});
