import { describe, expect, it } from 'vitest';
import { messages, validate } from '../helpers/sanity-validate.ts';

describe('source, tag and author validation', () => {
  const source = (overrides: Record<string, unknown> = {}) => ({
    _id: 'source-reuters',
    _type: 'source',
    _rev: 'r1',
    _createdAt: '2025-03-01T08:00:00Z',
    _updatedAt: '2025-03-01T08:00:00Z',
    name: 'Reuters',
    slug: { _type: 'slug', current: 'reuters' },
    url: 'https://www.reuters.com',
    kind: 'wire',
    stateAffiliated: false,
    ...overrides,
  });

  it('a complete source passes', async () => {
    expect(await validate(source())).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com', 'www.reuters.com'])('a source url %s is refused', async (url) => {
    expect(messages(await validate(source({ url })))).toEqual(["url: Use the outlet's web address, starting with https:// or http://."]);
  });

  it('a kind outside the list is refused', async () => {
    expect(messages(await validate(source({ kind: 'blog' })))).toEqual([
      'kind: Choose a kind from the list (wire, newspaper, broadcaster, magazine, online, agency, government, ngo, other).',
    ]);
  });

  it('tags and authors need a name and slug', async () => {
    const base = { _rev: 'r1', _createdAt: '2025-03-01T08:00:00Z', _updatedAt: '2025-03-01T08:00:00Z' };
    const ours = async (doc: Record<string, unknown>) => messages(await validate(doc)).filter((message) => !message.startsWith('slug.current:'));
    expect(await ours({ ...base, _id: 'tag-x', _type: 'tag' })).toEqual([
      'title: Give the tag a title.',
      'slug: Generate a slug: the tag needs one for its URL.',
    ]);
    expect(await ours({ ...base, _id: 'author-x', _type: 'author' })).toEqual([
      'name: Give the author a name.',
      'slug: Generate a slug: the author needs one for its URL.',
    ]);
  });
});
