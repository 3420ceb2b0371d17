import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSearch } from '@/lib/content/search';
import { searchTerms } from '@/lib/content/search-terms';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const quiet = () => {};

describe('search against the sample dataset', () => {
  const source = createEmbeddedSource(SAMPLE, quiet);
  const search = (q: string, page = 1, size = 20) => loadSearch(source, searchTerms(q), page, size).then((r) => r.value);

  it('finds the seed article by a word only its body holds', async () => {
    const { results, total } = await search('Tokayev');
    expect(results.map((r) => r.slug)).toEqual([SEED]);
    expect(total).toBe(1);
    expect(results[0]?.excerptParts.map((part) => part.text).join('')).toContain('Tokayev');
    expect(results[0]?.excerptParts.some((part) => part.match && /tokayev/i.test(part.text))).toBe(true);
  });

  it('finds by the start of a word, in any case', async () => {
    const { results } = await search('tokay');
    expect(results.map((r) => r.slug)).toContain(SEED);
  });

  it('needs every word to match', async () => {
    expect((await search('Lake Sorrel')).results.map((r) => r.slug)).toContain('lake-sorrel-water-levels-reach-40-year-low');
    expect((await search('Tokayev Sorrel')).total).toBe(0);
  });

  it('ranks a headline match above a body-only match', async () => {
    const { results } = await search('Veska');
    expect(results.length).toBeGreaterThan(1);
    expect(results[0]?.title).toMatch(/Veska/);
  });

  it('searches standfirsts and Cyrillic text', async () => {
    expect((await search('мост')).results.map((r) => r.language)).toContain('ru');
  });

  it('pages results and counts them all', async () => {
    const all = await search('the', 1, 100);
    const first = await search('the', 1, 3);
    const second = await search('the', 2, 3);
    expect(all.total).toBeGreaterThan(6);
    expect(first.total).toBe(all.total);
    expect(first.pageCount).toBe(Math.ceil(all.total / 3));
    expect([...first.results, ...second.results].map((r) => r.slug)).toEqual(all.results.slice(0, 6).map((r) => r.slug));
  });

  it.each(['Tokayev*', '"Tokayev"', 'Tokayev]', '*[Tokayev]', 'Tokayev || ""', 'Tokayev\u0000', '->Tokayev'])(
    'GROQ syntax and junk around a word (%j) are dropped: the word alone is searched',
    async (q) => {
      const page = await search(q);
      expect(page.results.map((r) => r.slug)).toEqual([SEED]);
    },
  );

  it.each(['', '   ', '*', '"]', '[', '->', '\\', '*[_type == "article"]', 'match || true', '\u0000', 'x'.repeat(1000)])(
    'junk alone (%j) shows an empty page, never an error or every article',
    async (q) => {
      expect(await search(q)).toMatchObject({ total: 0, results: [], pageCount: 1 });
    },
  );

  it('a query of only GROQ keywords finds nothing it should not', async () => {
    const { total } = await search('*[_type == "sanity.imageAsset"]');
    // The words "type", "sanity", "imageasset" are ordinary search words here.
    expect(total).toBe(0);
  });
});

describe('search on the hostile fixture', () => {
  it('finds a headline full of markup by its words, and gives it back as text', async () => {
    const source = createEmbeddedSource(HOSTILE, quiet);
    const { value } = await loadSearch(source, searchTerms('script'), 1, 20);
    expect(value.results.map((result) => [result._id, result.title])).toEqual([
      ['article-hostile', '<script>alert("title")</script> ]]> Markup & ]]> “Quotes” </title>'],
    ]);
  });
});
