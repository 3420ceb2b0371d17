import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '@/lib/content/article';
import { loadDirectory } from '@/lib/content/directory';
import { loadListing } from '@/lib/content/listing';
import { loadSearch } from '@/lib/content/search';
import { searchTerms } from '@/lib/content/search-terms';
import { SOURCE_KIND_TITLES, SOURCE_KINDS } from '@/lib/content/source-kinds';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { source as sourceType } from '@/sanity/schema-types/source';

/*
 * The getters return finished view models: what a page shows besides the
 * stored fields is derived in lib/content, once, not in components.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const source = createEmbeddedSource(SAMPLE, () => {});

describe('view models', () => {
  it('an article carries its path, summary, table of contents, reading time and onward key', async () => {
    const article = (await loadArticle(source, SEED)).value;
    expect(article?.path).toBe(`/articles/${SEED}`);
    expect(article?.summary).toBeTruthy();
    expect(article?.headings.length).toBeGreaterThanOrEqual(3);
    expect(article?.headings.map((heading) => heading.id)).toContain(article?.headings[0]?.id);
    expect(article?.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(article?.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(article?.onwardFrom).toEqual({
      _id: article?._id,
      publishedAt: article?.publishedAt,
      tags: article?.tags.map(({ _id }) => ({ _id })),
      sources: article?.sources.map(({ _id }) => ({ _id })),
    });
  });

  it('a source page says what kind of source it is, links its host and its feed', async () => {
    const listing = (await loadListing(source, 'source', 'nextminutenews', 1, 20)).value;
    expect(listing?.kicker).toMatch(/^Source/);
    expect(listing?.basePath).toBe('/sources/nextminutenews');
    expect(listing?.feedPath).toBe('/sources/nextminutenews/feed.xml');
    expect(listing?.countLabel).toMatch(/^\d+ articles?$/);
    expect(listing?.description).toBeTruthy();
  });

  it('an author page has no feed, a tag page is a Topic', async () => {
    const author = (await loadListing(source, 'author', 'dana-reyes', 1, 20)).value;
    expect(author?.feedPath).toBeUndefined();
    const tag = (await loadListing(source, 'tag', 'central-asia', 1, 20)).value;
    expect(tag?.kicker).toBe('Topic');
  });

  it('directory entries carry their path and a counted label; sources their kind as readers see it', async () => {
    const tags = (await loadDirectory(source, 'tag')).value;
    const centralAsia = tags.find((tag) => tag.slug === 'central-asia');
    expect(centralAsia?.path).toBe('/tags/central-asia');
    expect(centralAsia?.countLabel).toBe(`${centralAsia?.count} articles`);
    const sources = (await loadDirectory(source, 'source')).value;
    const wire = sources.find((entry) => entry.kind === 'wire');
    expect(wire?.kindName).toBe('wire service');
  });

  it('search results come with the searched words marked', async () => {
    const { results } = (await loadSearch(source, searchTerms('Tokayev'), 1, 20)).value;
    const marked = results[0]?.excerptParts.filter((part) => part.match).map((part) => part.text.toLowerCase());
    expect(marked).toContain('tokayev');
    expect(results[0]?.path).toBe(`/articles/${SEED}`);
  });
});

describe('one list of source kinds', () => {
  it('the Studio offers exactly the kinds the site knows, with their titles', () => {
    const kindField = sourceType.fields.find((field) => field.name === 'kind') as { options?: { list?: { value: string; title: string }[] } };
    expect(kindField.options?.list).toEqual(SOURCE_KINDS.map((value) => ({ value, title: SOURCE_KIND_TITLES[value] })));
  });
});
