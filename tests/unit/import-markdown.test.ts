import { describe, expect, it } from 'vitest';
import { parseMarkdownArticle } from '../../lib/import/markdown.ts';
import { blockText } from '../../lib/portable-text/plain-text.ts';

const article = `---
slug: harbour-tariffs
standfirst: Port fees rise for the first time in a decade.
published: 2026-11-02T09:30:00Z
updated: 2026-11-03
tags: [economy, world]
sources: meridian-wire
author: amara-okafor
featured: true
language: en
corrections:
  - date: 2026-11-03
    text: An earlier version misstated the fee.
---
# Harbour Raises Tariffs

The port **will** raise fees, *officials* said, citing [the notice](https://example.org/notice "Notice").

## What Changes

#### Detail level

- one
- two
  - nested

1. first
2. second

> A quote.

\`\`\`
plain code
\`\`\`

![a photo](https://example.org/photo.jpg)

Text with \`code\` and ~~strike~~.
`;

describe('parseMarkdownArticle', () => {
  const parsed = parseMarkdownArticle(article, 'harbour.md');

  it('reads the front matter, with author as a one-item authors list', () => {
    expect(parsed).toMatchObject({
      title: 'Harbour Raises Tariffs',
      slug: 'harbour-tariffs',
      standfirst: 'Port fees rise for the first time in a decade.',
      publishedAt: '2026-11-02T09:30:00.000Z',
      updatedAt: '2026-11-03T00:00:00.000Z',
      tags: ['economy', 'world'],
      sources: ['meridian-wire'],
      authors: ['amara-okafor'],
      featured: true,
      language: 'en',
      corrections: [{ date: '2026-11-03T00:00:00.000Z', text: 'An earlier version misstated the fee.' }],
    });
  });

  it('takes the h1 as the title and narrows the body to the content model', () => {
    expect(parsed.body.map((b) => [b.style, b.listItem ?? '', b.level ?? 0, blockText(b)])).toEqual([
      ['normal', '', 0, 'The port will raise fees, officials said, citing the notice.'],
      ['h2', '', 0, 'What Changes'],
      ['h3', '', 0, 'Detail level'],
      ['normal', 'bullet', 1, 'one'],
      ['normal', 'bullet', 1, 'two'],
      ['normal', 'bullet', 1, 'nested'],
      ['normal', 'number', 1, 'first'],
      ['normal', 'number', 1, 'second'],
      ['blockquote', '', 0, 'A quote.'],
      ['normal', '', 0, 'plain code'],
      ['normal', '', 0, 'Text with code and strike.'],
    ]);
  });

  it('keeps strong, em and links as {_type: "link", href}, and drops other marks', () => {
    const lede = parsed.body[0]!;
    expect(lede.markDefs).toEqual([{ _type: 'link', _key: expect.any(String), href: 'https://example.org/notice' }]);
    const linkKey = lede.markDefs[0]!._key;
    expect(lede.children.map((c) => [c.text, c.marks])).toEqual([
      ['The port ', []],
      ['will', ['strong']],
      [' raise fees, ', []],
      ['officials', ['em']],
      [' said, citing ', []],
      ['the notice', [linkKey]],
      ['.', []],
    ]);
    expect(parsed.body.at(-1)!.children.every((c) => c.marks.length === 0)).toBe(true);
  });

  it('gives the same keys on every run', () => {
    const again = parseMarkdownArticle(article, 'harbour.md');
    expect(again.body).toEqual(parsed.body);
    expect(new Set(parsed.body.map((b) => b._key)).size).toBe(parsed.body.length);
  });

  it('prefers the front-matter title and keeps a later h1 as a subheading', () => {
    const result = parseMarkdownArticle('---\ntitle: From Front Matter\n---\n# Body Heading\n\nText.\n', 'x.md');
    expect(result.title).toBe('From Front Matter');
    expect(result.body.map((b) => b.style)).toEqual(['h2', 'normal']);
  });

  it('names the file and the field when the front matter is wrong', () => {
    expect(() => parseMarkdownArticle('---\ntitle: T\npublished: yesterday\n---\nText\n', 'news/bad.md')).toThrow(
      /news\/bad\.md: front matter field "published": expected an ISO 8601 date/,
    );
    expect(() => parseMarkdownArticle('---\ntitle: T\ntag: world\n---\nText\n', 'typo.md')).toThrow(/typo\.md: .*tag/);
    expect(() => parseMarkdownArticle('---\ntitle: T\ntags: [World News]\n---\nText\n', 'tags.md')).toThrow(/tags\.md: front matter field "tags\.0"/);
    expect(() => parseMarkdownArticle('---\ntitle: [unclosed\n---\nText\n', 'yaml.md')).toThrow(/yaml\.md: the front matter is not valid YAML/);
  });

  it('refuses an article without a title', () => {
    expect(() => parseMarkdownArticle('Just text.\n', 'untitled.md')).toThrow(/untitled\.md: no title/);
  });
});
