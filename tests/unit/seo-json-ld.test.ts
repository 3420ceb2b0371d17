import { join } from 'node:path';
import type { BreadcrumbList, NewsArticle } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '@/lib/content/article';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import { articleJsonLd, homeJsonLd } from '@/lib/seo/structured-data';
import { HOSTILE_TITLE } from '../fixtures/hostile-documents.ts';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');
const ORIGIN = 'https://news.example';
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const quiet = () => {};

async function graphOf(dataset: string, slug: string) {
  const { value } = await loadArticle(createEmbeddedSource(dataset, quiet), slug);
  if (!value) throw new Error(`no article ${slug}`);
  const graph = articleJsonLd(value, ORIGIN);
  const [article, breadcrumbs] = graph['@graph'] as [Record<string, unknown> & NewsArticle, Record<string, unknown> & BreadcrumbList];
  return { graph, article, breadcrumbs };
}

describe('serializeJsonLd', () => {
  it('cannot end the script element or open a comment, and parses back to the same value', () => {
    const headline = '</script><script>alert(1)</script><!-- & \u2028\u2029 -->';
    const json = serializeJsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json).headline).toBe(headline);
  });

  it('is ASCII, so the page around it can be (lib/cache-handlers/static-documents.ts), and parses back to the same text', () => {
    const headline = 'It’s “open” — Верхнеозерск 😀';
    const json = serializeJsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline });
    expect(json).not.toMatch(/[^\x00-\x7f]/);
    expect(json).toContain('It\\u2019s');
    expect(JSON.parse(json).headline).toBe(headline);
  });
});

describe('article structured data', () => {
  it('the hostile article: headline intact, script-safe, only http(s) sources cited, corrections in dateModified', async () => {
    const { graph, article, breadcrumbs } = await graphOf(HOSTILE, 'hostile-markup');
    const json = serializeJsonLd(graph);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('DRAFT LEAK');
    const parsed = JSON.parse(json);
    expect(parsed['@graph'][0].headline).toBe(HOSTILE_TITLE);
    expect(article.datePublished).toBe('2026-11-10T10:00:00.000Z');
    // The correction of 11 November is the latest change.
    expect(article.dateModified).toBe('2026-11-11T00:00:00.000Z');
    expect(article.isBasedOn).toEqual(['https://state.example/']);
    expect(article.citation).toEqual([{ '@type': 'CreativeWork', name: 'State Broadcaster', url: 'https://state.example/' }]);
    // No main image: the publisher's logo stands in.
    expect(article.image).toEqual([`${ORIGIN}/logo.png`]);
    expect(article.author).toEqual([{ '@type': 'Person', name: 'Ada Writer', url: `${ORIGIN}/authors/ada` }]);
    expect(breadcrumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'NextMinuteNews', item: `${ORIGIN}/` },
      { '@type': 'ListItem', position: 2, name: 'World', item: `${ORIGIN}/tags/world` },
      { '@type': 'ListItem', position: 3, name: HOSTILE_TITLE, item: `${ORIGIN}/articles/hostile-markup` },
    ]);
  });

  it('the seed article: a NewsArticle with publisher, keywords, language, page and image', async () => {
    const { article } = await graphOf(SAMPLE, SEED);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions',
      inLanguage: 'en',
      keywords: ['World', 'Central Asia', 'Politics'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${ORIGIN}/articles/${SEED}` },
      publisher: { '@type': 'NewsMediaOrganization', name: 'NextMinuteNews', logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.png` } },
    });
    expect(article.description).toMatch(/^In the heart of Central Asia/);
    // The main image, made absolute for search engines.
    expect(article.image).toEqual([expect.stringMatching(new RegExp(`^${ORIGIN}/media/.+\\.(png|jpe?g|webp)$`))]);
  });
});

describe('home structured data', () => {
  it('names the publisher and the site search', () => {
    const [publisher, website] = homeJsonLd(ORIGIN)['@graph'];
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'NextMinuteNews', url: `${ORIGIN}/` });
    expect(website).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});
