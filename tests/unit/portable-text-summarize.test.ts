import { describe, expect, it } from 'vitest';
import { summarize } from '../../lib/portable-text/summarize.ts';
import { slugify } from '../../lib/portable-text/slugify.ts';

describe('summarize', () => {
  it('leaves short text unchanged', () => {
    expect(summarize('A short standfirst.', 300)).toBe('A short standfirst.');
  });

  it('cuts at the last sentence end that fits', () => {
    const text = 'First sentence here. Second one is here too. Third sentence runs well past the limit of the summary.';
    expect(summarize(text, 50)).toBe('First sentence here. Second one is here too.');
  });

  it('does not treat initials such as "U.S." as the end of a sentence', () => {
    const text = 'Talks with the U.S. delegation went on late into the night in the capital city today.';
    expect(summarize(text, 60)).toBe('Talks with the U.S. delegation went on late into the night…');
  });

  it('falls back to whole words and an ellipsis, never splitting a word', () => {
    const text = 'Kazakhstan is walking a diplomatic tightrope between its neighbours';
    const result = summarize(text, 30);
    expect(result).toBe('Kazakhstan is walking a…');
    expect(result.length).toBeLessThanOrEqual(30);
  });

  it('defaults to 300 characters', () => {
    const text = Array.from({ length: 100 }, () => 'word').join(' ');
    const result = summarize(text);
    expect(result.length).toBeLessThanOrEqual(300);
    expect(result.endsWith('word…')).toBe(true);
  });
});

describe('slugify', () => {
  it('lowercases, folds accents and turns everything else into hyphens', () => {
    expect(slugify('Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions')).toBe(
      'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions',
    );
    expect(slugify('Café in Zürich – São Paulo’s “Best”')).toBe('cafe-in-zurich-sao-paulos-best');
  });

  it('transliterates Cyrillic and keeps other scripts', () => {
    expect(slugify('Казахстан усиливает контроль')).toBe('kazakhstan-usilivaet-kontrol');
    expect(slugify('Αθήνα 2026')).toBe('αθηνα-2026');
  });

  it('stays within 96 characters and does not end in a hyphen', () => {
    const slug = slugify('Word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(slug.endsWith('-')).toBe(false);
  });
});
