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
    expect(tagsForResult([slugTag('article', 'a')], result)).toEqual([
      'slug:article:a',
      'doc:article-a',
      'doc:tag-x',
      'doc:source-y',
      'doc:author-z',
    ]);
  });

  it('falls back to list tags of the referenced types past the per-entry limit', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ _id: `article-${i}` }));
    const tags = tagsForResult([listTag('article')], many, ['tag', 'source']);
    expect(tags).toEqual(['list:article', 'list:tag', 'list:source']);
  });

  it('keeps tag names within Next.js limits', () => {
    expect(docTag('x'.repeat(400)).length).toBe(256);
  });
});
