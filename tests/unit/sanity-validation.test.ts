import { describe, expect, it } from 'vitest';
import { messages, ref, span, validate } from '../helpers/sanity-validate.ts';

function validArticle(overrides: Record<string, unknown> = {}) {
  return {
    _id: 'drafts.article-harbour-reopens',
    _type: 'article',
    _rev: 'r1',
    _createdAt: '2025-03-01T08:00:00Z',
    _updatedAt: '2025-03-01T09:00:00Z',
    title: 'Harbour reopens after storm',
    slug: { _type: 'slug', current: 'harbour-reopens' },
    standfirst: 'The port resumed traffic on Monday.',
    publishedAt: '2025-03-01T08:00:00Z',
    updatedAt: '2025-03-01T10:00:00Z',
    language: 'en',
    tags: [ref('tag-weather', 'a1b2c3d4e5f6')],
    sources: [ref('source-reuters', 'b1b2c3d4e5f6')],
    body: [
      {
        _type: 'block',
        _key: 'k1',
        style: 'normal',
        markDefs: [
          { _type: 'link', _key: 'l1', href: 'https://example.com/report' },
          { _type: 'link', _key: 'l2', href: '/articles/earlier-story' },
          { _type: 'link', _key: 'l3', href: 'mailto:desk@example.com' },
        ],
        children: [span('Read the report.', ['l1'])],
      },
      {
        _type: 'image',
        _key: 'i1',
        asset: { _type: 'reference', _ref: 'image-abc-800x600-jpg' },
        alt: 'Cranes at the harbour at dawn',
        caption: 'The harbour on Monday',
      },
    ],
    corrections: [{ _type: 'correction', _key: 'c1', date: '2025-03-02T09:00:00Z', text: 'An earlier version misspelled the port.' }],
    ...overrides,
  };
}

describe('article validation', () => {
  it('a complete article passes', async () => {
    expect(messages(await validate(validArticle()))).toEqual([]);
  });

  it('a missing headline asks for one', async () => {
    expect(messages(await validate(validArticle({ title: undefined })))).toEqual(['title: Write a headline.']);
  });

  it('a 161-character headline is too long; 160 is fine', async () => {
    expect(messages(await validate(validArticle({ title: 'x'.repeat(161) })))).toEqual(['title: Keep the headline to 160 characters or fewer.']);
    expect(await validate(validArticle({ title: 'x'.repeat(160) }))).toEqual([]);
  });

  it('a 301-character standfirst is too long', async () => {
    expect(messages(await validate(validArticle({ standfirst: 'y'.repeat(301) })))).toEqual(['standfirst: Keep the standfirst to 300 characters or fewer.']);
  });

  it('a missing slug and a missing publish time are reported', async () => {
    const found = messages(await validate(validArticle({ slug: undefined, publishedAt: undefined })));
    // Sanity's slug type also flags its own `current` subfield as required.
    expect(found).toEqual(
      expect.arrayContaining(['slug: Generate a slug: the article needs one for its URL.', 'publishedAt: Set when the article is published.']),
    );
    expect(found.filter((message) => !message.startsWith('slug.current:'))).toHaveLength(2);
  });

  it('a slug another article already uses is refused', async () => {
    const markers = await validate(validArticle(), ['harbour-reopens']);
    expect(markers.map((marker) => [marker.path.join('.'), marker.code])).toEqual([['slug', 'slug.not-unique']]);
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/phish', 'ftp://example.com/file'])(
    'a link to %s is refused',
    async (href) => {
      const article = validArticle();
      const block = (article.body as Array<Record<string, unknown>>)[0] as { markDefs: Array<{ href: string }> };
      block.markDefs[0] = { ...block.markDefs[0], href } as never;
      const markers = await validate(article);
      expect(markers).toHaveLength(1);
      expect(markers[0]?.path).toEqual(['body', { _key: 'k1' }, 'markDefs', { _key: 'l1' }, 'href']);
      expect(markers[0]?.message).toBe('Links must start with https://, http://, mailto: or a single / for a page on this site.');
    },
  );

  it('an image in the body without alt text asks for it', async () => {
    const article = validArticle();
    const image = (article.body as Array<Record<string, unknown>>)[1] as Record<string, unknown>;
    delete image.alt;
    expect(messages(await validate(article))).toEqual(['body.[{"_key":"i1"}].alt: Add alt text: describe the image for readers who cannot see it.']);
  });

  it('a main image needs alt text once an image is chosen, not before', async () => {
    const withImage = validArticle({ mainImage: { _type: 'image', asset: { _type: 'reference', _ref: 'image-abc-800x600-jpg' } } });
    expect(messages(await validate(withImage))).toEqual(['mainImage.alt: Add alt text: describe the image for readers who cannot see it.']);
    expect(await validate(validArticle({ mainImage: { _type: 'image', caption: 'pending' } }))).toEqual([]);
  });

  it('an article without tags cannot be published', async () => {
    const expected = ['tags: Add at least one tag (each tag once) before publishing.'];
    expect(messages(await validate(validArticle({ tags: [] })))).toEqual(expected);
    expect(messages(await validate(validArticle({ tags: undefined })))).toEqual(expected);
  });

  it('an update time before the publish time is refused', async () => {
    expect(messages(await validate(validArticle({ updatedAt: '2025-02-28T08:00:00Z' })))).toEqual([
      'updatedAt: The update time cannot be before the publish time.',
    ]);
  });

  it('a language that is not a BCP 47 tag is refused', async () => {
    for (const language of ['english', 'en_US', 'e', 'en-']) {
      expect(messages(await validate(validArticle({ language })))).toEqual([
        'language: Use a language tag such as en, fr, pt-BR or zh-Hant (BCP 47), not a language name.',
      ]);
    }
    for (const language of ['pt-BR', 'zh-Hant-TW', 'ar', 'es-419']) expect(await validate(validArticle({ language }))).toEqual([]);
  });

  it('a correction needs a date and a text', async () => {
    expect(messages(await validate(validArticle({ corrections: [{ _type: 'correction', _key: 'c1' }] })))).toEqual([
      'corrections.[{"_key":"c1"}].date: Give the correction a date.',
      'corrections.[{"_key":"c1"}].text: Say what was wrong and what is now right.',
    ]);
  });

  it('the current slug cannot also be a previous slug', async () => {
    expect(messages(await validate(validArticle({ previousSlugs: ['old-harbour', 'harbour-reopens'] })))).toEqual([
      'previousSlugs: Remove the current slug from the previous slugs.',
    ]);
  });
});
