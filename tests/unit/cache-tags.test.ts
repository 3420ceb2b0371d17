import { tagsForChange } from '../../lib/revalidate/tags-for-change.ts';
import { describe, expect, it } from 'vitest';
import { docTag, idsIn, listTag, slugTag, tagsForResult } from '@/lib/content/cache-tags';

describe('cache tags for a read', () => {
  const result = {
    _id: 'article-a',
    tags: [{ _id: 'tag-x', title: 'X' }, null],
    sources: [{ _id: 'source-y', nested: { deeper: [{ _id: 'author-z' }] } }],
  };

  it('carries every document id in the result, referenced ones included', () => {
    expect([...idsIn(result)].sort()).toEqual(['article-a', 'author-z', 'source-y', 'tag-x']);
    expect(tagsForResult([slugTag('article', 'a')], result)).toEqual(['slug:article:a', 'doc:article-a', 'doc:tag-x', 'doc:source-y', 'doc:author-z']);
  });

  it('falls back to list and any: tags of the types involved past the per-entry limit', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ _id: `article-${i}` }));
    const tags = tagsForResult([listTag('article')], many, ['tag', 'source']);
    expect(tags).toEqual(['list:article', 'list:tag', 'list:source', 'any:article', 'any:tag', 'any:source']);
  });

  it('so an edit that moves an article in no list still expires a read too large to name it', () => {
    const feed = tagsForResult(
      [listTag('article')],
      Array.from({ length: 200 }, (_, i) => ({ _id: `article-${i}` })),
      ['tag'],
    );
    const edit = tagsForChange({ id: 'article-7', type: 'article', previousSlugs: [], listsChanged: false });
    expect(edit).toMatchObject({ revalidate: true });
    expect(edit.revalidate && edit.tags.filter((tag) => feed.includes(tag))).toEqual(['any:article']);
  });

  it('keeps tag names within Next.js limits', () => {
    expect(docTag('x'.repeat(400)).length).toBe(256);
  });
});
