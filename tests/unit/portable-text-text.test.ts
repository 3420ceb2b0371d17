import { describe, expect, it } from 'vitest';
import { headingsOf, ledeOf, readingMinutes, toPlainText } from '../../lib/portable-text/index.ts';
import { deterministicKey } from '../../lib/portable-text/keys.ts';
import { textBlock } from '../../lib/portable-text/blocks.ts';

const body = [
  textBlock('Lede paragraph.', 'normal', 'a'),
  { _type: 'image', _key: 'img', alt: 'A photo' },
  textBlock('A subheading', 'h2', 'b'),
  textBlock('First item', 'normal', 'c', 'bullet'),
  'not a block',
  null,
  { _type: 'block', children: 'broken' },
  { _type: 'block', _key: 'd', children: [{ _type: 'span', text: 'Two ' }, { _type: 'span', text: 'spans.' }, { _type: 'inlineThing' }] },
];

describe('toPlainText', () => {
  it('joins the text of every block with blank lines and skips what is not text', () => {
    expect(toPlainText(body)).toBe('Lede paragraph.\n\nA subheading\n\nFirst item\n\nTwo spans.');
  });

  it('never throws on input that is not Portable Text', () => {
    expect(toPlainText(undefined)).toBe('');
    expect(toPlainText({ _type: 'block' })).toBe('');
    expect(toPlainText([42, [], { children: [null] }])).toBe('');
  });
});

describe('ledeOf', () => {
  it('is the first normal paragraph, not a heading or a list item', () => {
    const blocks = [textBlock('Heading', 'h2', 'h'), textBlock('Item', 'normal', 'i', 'bullet'), textBlock('The lede.', 'normal', 'l')];
    expect(ledeOf(blocks)).toBe('The lede.');
    expect(ledeOf([])).toBe('');
  });
});

describe('readingMinutes', () => {
  it('counts about 230 words a minute and at least one minute', () => {
    expect(readingMinutes([textBlock('Short.', 'normal', 'a')])).toBe(1);
    expect(readingMinutes(null)).toBe(1);
    const words = Array.from({ length: 920 }, () => 'word').join(' ');
    expect(readingMinutes([textBlock(words, 'normal', 'a')])).toBe(4);
  });
});

describe('headingsOf', () => {
  it('lists h2s with anchor ids that are unique within the article', () => {
    const blocks = [
      textBlock('Kazakhstan’s Multi-Vector Diplomacy Under Strain', 'h2', 'k1'),
      textBlock('Not a heading', 'normal', 'k2'),
      textBlock('Background', 'h2', 'k3'),
      textBlock('Background', 'h2', 'k4'),
      textBlock('Sub-section', 'h3', 'k5'),
    ];
    expect(headingsOf(blocks)).toEqual([
      { key: 'k1', text: 'Kazakhstan’s Multi-Vector Diplomacy Under Strain', id: 'kazakhstans-multi-vector-diplomacy-under-strain' },
      { key: 'k3', text: 'Background', id: 'background' },
      { key: 'k4', text: 'Background', id: 'background-2' },
    ]);
  });
});

describe('deterministicKey', () => {
  it('gives the same 12-hex key for the same seed and index, a different one otherwise', () => {
    expect(deterministicKey('seed', 1)).toMatch(/^[0-9a-f]{12}$/);
    expect(deterministicKey('seed', 1)).toBe(deterministicKey('seed', 1));
    expect(deterministicKey('seed', 2)).not.toBe(deterministicKey('seed', 1));
    expect(deterministicKey('other', 1)).not.toBe(deterministicKey('seed', 1));
  });
});
