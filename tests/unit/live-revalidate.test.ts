import { describe, expect, it } from 'vitest';
import { parseChange } from '../../lib/revalidate/change.ts';
import { tagsForChange } from '../../lib/revalidate/tags-for-change.ts';

function tagsOf(payload: unknown) {
  const parsed = parseChange(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return tagsForChange(parsed.change);
}

describe("a live update's publish expires its live blog", () => {
  it("whole document: its doc, the update list and the blog's live tag", () => {
    const update = { _id: 'liveUpdate-storm-3', _type: 'liveUpdate', article: { _type: 'reference', _ref: 'article-storm' }, body: [] };
    expect(tagsOf(update)).toEqual({ revalidate: true, tags: ['doc:liveUpdate-storm-3', 'list:liveUpdate', 'any:liveUpdate', 'live:article-storm'] });
  });

  it('a projection may send the article id as a string', () => {
    expect(tagsOf({ _id: 'liveUpdate-storm-3', _type: 'liveUpdate', article: 'article-storm' })).toMatchObject({
      tags: expect.arrayContaining(['live:article-storm']),
    });
  });

  it('ignores a draft or malformed article reference, and the field on other types', () => {
    expect(tagsOf({ _id: 'liveUpdate-x', _type: 'liveUpdate', article: { _ref: 'drafts.article-storm' } })).toEqual({
      revalidate: true,
      tags: ['doc:liveUpdate-x', 'list:liveUpdate', 'any:liveUpdate'],
    });
    expect(tagsOf({ _id: 'liveUpdate-x', _type: 'liveUpdate', article: { _ref: 'x:list:article' } })).toEqual({
      revalidate: true,
      tags: ['doc:liveUpdate-x', 'list:liveUpdate', 'any:liveUpdate'],
    });
    expect(tagsOf({ _id: 'article-a', _type: 'article', article: 'article-storm' })).toEqual({
      revalidate: true,
      tags: ['doc:article-a', 'list:article', 'any:article'],
    });
  });
});

describe('a cached read that shows a live blog carries its live tag', () => {
  it('from a card or page with a coverage, kept past the per-entry limit', async () => {
    const { tagsForResult } = await import('../../lib/content/cache-tags.ts');
    const cards = [
      { _id: 'article-storm', coverage: 'live', liveUpdatedAt: '2026-11-25T19:50:00Z' },
      { _id: 'article-plain', coverage: null },
    ];
    expect(tagsForResult(['list:article'], cards)).toEqual(['list:article', 'live:article-storm', 'doc:article-storm', 'doc:article-plain']);
    const many = [...cards, ...Array.from({ length: 200 }, (_, i) => ({ _id: `article-${i}` }))];
    expect(tagsForResult(['list:article'], many, ['tag'])).toEqual(['list:article', 'live:article-storm', 'list:tag', 'any:article', 'any:tag']);
  });
});
