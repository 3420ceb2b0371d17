import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PortableTextBody } from '@/components/portable-text-body';
import { bodyHtml } from '@/lib/feeds/body-html';

/*
 * The two Portable Text renderers, React for article pages and HTML strings for live updates and
 * feeds, on the same hostile blocks: what a reader gets (elements, their text, where links go and
 * how they open, image alt text) must be the same. Presentation-only wrappers (a <picture>, a
 * credit's <span>) and image URLs, which differ by design, are left out of the comparison.
 */
const ORIGIN = 'https://news.example';

const span = (key: string, text: string, marks: string[] = []) => ({ _type: 'span', _key: key, text, marks });
const block = (key: string, style: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: key,
  style,
  markDefs: [],
  children,
  ...extra,
});
const linked = (key: string, href: string, text: string) => ({
  ...block(key, 'normal', [span(`${key}s`, text, [`${key}m`])]),
  markDefs: [{ _type: 'link', _key: `${key}m`, href }],
});

const HOSTILE = [
  block('p1', 'normal', [
    span('a', 'Plain <script>alert(1)</script> & "quotes" '),
    span('b', 'bold', ['strong']),
    span('c', ' and '),
    span('d', 'both', ['strong', 'em']),
  ]),
  block('p2', 'normal', [
    span('a', 'code', ['code']),
    span('b', ' under', ['underline']),
    span('c', ' struck', ['strike-through']),
    span('d', ' blink', ['blink']),
  ]),
  block('p3', 'normal', [span('a', 'line one\nline two')]),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'weird'].map((style) => block(`s-${style}`, style, [span('a', `Style ${style}`)])),
  block('s-none', undefined as never, [span('a', 'No style at all')]),
  linked('l1', 'https://example.org/safe', 'external link'),
  linked('l2', 'mailto:desk@example.org', 'mail link'),
  linked('l3', '/about', 'relative link'),
  linked('l4', '#section', 'anchor link'),
  linked('l5', 'javascript:alert(1)', 'javascript link'),
  linked('l6', 'data:text/html,<script>alert(1)</script>', 'data link'),
  linked('l7', '//evil.example/x', 'protocol-relative link'),
  { ...block('li1', 'normal', [span('a', 'Bullet one')]), listItem: 'bullet', level: 1 },
  { ...block('li2', 'normal', [span('a', 'Nested')]), listItem: 'bullet', level: 2 },
  { ...block('li3', 'h2', [span('a', 'Bullet styled h2')]), listItem: 'bullet', level: 1 },
  { ...block('li4', 'normal', [span('a', 'Number one')]), listItem: 'number', level: 1 },
  { ...block('li5', 'normal', [span('a', 'Weird list')]), listItem: 'weird', level: 1 },
  {
    _type: 'image',
    _key: 'i1',
    alt: 'A lake at dawn',
    caption: 'The lake.',
    credit: 'Photo: Ada',
    asset: { _id: 'image-a-10x10-png', url: '/media/abc-10x10.png', width: 10, height: 10 },
  },
  { _type: 'image', _key: 'i2', alt: '', asset: { _id: 'image-b-10x10-png', url: '/media/b-10x10.png', width: 10, height: 10 } },
  { _type: 'youtube', _key: 'u1', url: 'https://youtube.example/watch' },
];

type Node = string | [tag: string, attributes: Record<string, string>, ...children: Node[]];

const KEPT = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'u',
  's',
  'del',
  'a',
  'br',
  'figure',
  'img',
  'figcaption',
]);
const VOID = new Set(['img', 'br', 'source']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#x27|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);

/** The reader-visible structure of a renderer's output: kept elements, their text, href (absolute), rel and alt. */
function structure(html: string): Node[] {
  const root: Node = ['root', {}];
  const stack: Exclude<Node, string>[] = [root];
  for (const [, close, tag, attrs, text] of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*?)\/?>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (text !== undefined) {
      const value = decode(text);
      if (typeof top.at(-1) === 'string' && top.length > 2) top[top.length - 1] = `${top.at(-1) as string}${value}`;
      else top.push(value);
      continue;
    }
    if (!KEPT.has(tag!)) continue; // unwrapped: its children join the parent
    if (close) {
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, name, value] of (attrs ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)) {
      if (name === 'href') attributes.href = new URL(decode(value!), ORIGIN).href;
      if (name === 'rel' || name === 'alt') attributes[name] = decode(value!);
    }
    const node: Node = [tag!, attributes];
    top.push(node);
    if (!VOID.has(tag!)) stack.push(node);
  }
  return root.slice(2) as Node[];
}

describe('one Portable Text rule set for pages and feeds', () => {
  const page = structure(renderToStaticMarkup(createElement(PortableTextBody, { value: HOSTILE })));
  const feed = structure(bodyHtml(HOSTILE, ORIGIN));

  it('renders the same hostile blocks to the same structure in both', () => {
    expect(feed).toEqual(page);
  });

  it('turns styles outside the content model into paragraphs, and keeps h2, h3 and quotes', () => {
    const tagOf = (text: string) => page.find((node) => Array.isArray(node) && node.includes(text));
    expect(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'weird'].map((style) => tagOf(`Style ${style}`)?.[0])).toEqual([
      'p',
      'h2',
      'h3',
      'p',
      'p',
      'p',
      'blockquote',
      'p',
    ]);
    expect(tagOf('No style at all')?.[0]).toBe('p');
  });

  it('links off the site open without handing over the page; unsafe links are words only', () => {
    const links = JSON.stringify(page).match(/\["a",\{[^}]*\},"[^"]*"\]/g);
    expect(links).toEqual([
      '["a",{"href":"https://example.org/safe","rel":"noopener noreferrer"},"external link"]',
      '["a",{"href":"mailto:desk@example.org","rel":"noopener noreferrer"},"mail link"]',
      '["a",{"href":"https://news.example/about"},"relative link"]',
      '["a",{"href":"https://news.example/#section"},"anchor link"]',
    ]);
    expect(page).toContainEqual(['p', {}, 'javascript link']);
  });

  it('keeps only strong and em as marks, the rest plain text, and leaves an unknown block type out', () => {
    expect(page[1]).toEqual(['p', {}, 'code under struck blink']);
    expect(page[0]).toEqual(['p', {}, 'Plain <script>alert(1)</script> & "quotes" ', ['strong', {}, 'bold'], ' and ', ['strong', {}, ['em', {}, 'both']]]);
    expect(JSON.stringify(page)).not.toMatch(/youtube/i);
  });
});
