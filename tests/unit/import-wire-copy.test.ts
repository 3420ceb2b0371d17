import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isHeadingLine } from '../../lib/import/heading-rule.ts';
import { parseWireCopy } from '../../lib/import/wire-copy.ts';
import { blockText } from '../../lib/portable-text/plain-text.ts';
import type { PortableTextBlock } from '../../lib/portable-text/types.ts';

const seedCopy = fileURLToPath(new URL('../../sanity/sample-content/articles/seed-article.txt', import.meta.url));
// The wire copy exactly as it reached us, kept in the repository so this test always runs.
const receivedSeed = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));
const seed = readFileSync(seedCopy, 'utf8');

/** Consecutive list items grouped as a reader sees them. */
function lists(body: PortableTextBlock[]): string[][] {
  const groups: string[][] = [];
  let previous: PortableTextBlock | undefined;
  for (const block of body) {
    if (block.listItem === 'bullet') {
      if (previous?.listItem !== 'bullet') groups.push([]);
      groups.at(-1)!.push(blockText(block));
    }
    previous = block;
  }
  return groups;
}

describe('parseWireCopy on the seed article', () => {
  const article = parseWireCopy(seed);

  it('takes the first line as the headline and the sign-off as the source', () => {
    expect(article.title).toBe('Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions');
    expect(article.sourceName).toBe('NextMinuteNews');
    expect(article.body.some((block) => blockText(block).includes('NextMinuteNews'))).toBe(false);
  });

  it('finds exactly the five subheadings', () => {
    expect(article.body.filter((b) => b.style === 'h2').map(blockText)).toEqual([
      'Kazakhstan’s Multi-Vector Diplomacy Under Strain',
      'Government Crackdown on Pro- and Anti-Russian Speech',
      'Fear of Internal Unrest Drives Censorship',
      'Media and Online Censorship Tightens',
      'Can Kazakhstan Maintain Neutrality Long-Term?',
    ]);
  });

  it('groups bullet lines into one list of 2 and one of 3 items, without their markers', () => {
    const found = lists(article.body);
    expect(found.map((list) => list.length)).toEqual([2, 3]);
    expect(found[0]![0]).toMatch(/^Pro-Russian voices/);
    expect(found[1]![0]).toMatch(/^Independent journalists/);
    for (const block of article.body.filter((b) => b.listItem)) {
      expect(block).toMatchObject({ style: 'normal', listItem: 'bullet', level: 1 });
    }
  });

  it('keeps the lede and ten normal paragraphs, text exactly as written', () => {
    const paragraphs = article.body.filter((b) => b.style === 'normal' && !b.listItem);
    expect(paragraphs).toHaveLength(10);
    expect(blockText(paragraphs[0]!)).toMatch(/^In the heart of Central Asia/);
    expect(blockText(paragraphs[0]!)).toContain('Kazakhstan’s complex position—caught');
    expect(blockText(paragraphs[3]!)).toBe('Authorities have increasingly silenced both sides of the debate:');
  });

  it('gives every block the content model shape with deterministic keys', () => {
    const again = parseWireCopy(seed);
    expect(again.body.map((b) => b._key)).toEqual(article.body.map((b) => b._key));
    expect(new Set(article.body.map((b) => b._key)).size).toBe(article.body.length);
    expect(article.body[0]).toEqual({
      _type: 'block',
      _key: article.body[0]!._key,
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: `${article.body[0]!._key}s0`, text: expect.any(String), marks: [] }],
    });
  });

  it('the sample imports the wire copy byte for byte as it reached us', () => {
    expect(readFileSync(seedCopy)).toEqual(readFileSync(receivedSeed));
  });
});

describe('the subheading rule', () => {
  it('accepts short title-case lines, minor words and hyphenated words', () => {
    expect(isHeadingLine('Government Crackdown on Pro- and Anti-Russian Speech')).toBe(true);
    expect(isHeadingLine('Can Kazakhstan Maintain Neutrality Long-Term?')).toBe(true);
    expect(isHeadingLine('What Comes After the 2026 Vote')).toBe(true);
  });

  it('refuses sentences, lines ending in punctuation, and long lines', () => {
    expect(isHeadingLine('Authorities have increasingly silenced both sides of the debate:')).toBe(false);
    expect(isHeadingLine('The Talks Ended Without Agreement.')).toBe(false);
    const thirteen = 'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen';
    expect(thirteen.split(' ')).toHaveLength(13);
    expect(isHeadingLine(thirteen)).toBe(false);
    expect(isHeadingLine(thirteen.split(' ').slice(0, 12).join(' '))).toBe(true);
    expect(isHeadingLine(`Long ${'Word'.repeat(20)}`)).toBe(false);
  });
});

describe('parseWireCopy layouts', () => {
  it('joins wrapped lines of blank-line separated paragraphs', () => {
    const text = [
      'Harbour Bridge Reopens After Repairs',
      '',
      'The bridge reopened on Monday',
      'after six weeks of work.',
      '',
      'What Changed',
      '',
      '- New railings',
      '- Wider footpaths',
      '',
      '-- Meridian Wire',
      '',
    ].join('\n');
    const article = parseWireCopy(text);
    expect(article.sourceName).toBe('Meridian Wire');
    expect(article.body.map((b) => [b.style, b.listItem ?? '', blockText(b)])).toEqual([
      ['normal', '', 'The bridge reopened on Monday after six weeks of work.'],
      ['h2', '', 'What Changed'],
      ['normal', 'bullet', 'New railings'],
      ['normal', 'bullet', 'Wider footpaths'],
    ]);
  });

  it('has no source when the last line is not a sign-off, and refuses empty copy', () => {
    expect(parseWireCopy('Headline\nOne paragraph.').sourceName).toBeUndefined();
    expect(() => parseWireCopy('\n\n')).toThrow(/empty/);
  });
});
