import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

/* Sitemaps, robots.txt, structured data and social cards on the built `sample` site. */

const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const RUSSIAN = 'v-verkhneozerske-otkryli-novyy-most-cherez-reku-sarnu';

/** [tag, text] of every element, read by Python's XML parser: it fails on anything ill-formed. */
function elements(xml: string): [string, string][] {
  const script =
    'import sys, json, xml.etree.ElementTree as ET\nprint(json.dumps([[e.tag.split("}")[-1], (e.text or "").strip()] for e in ET.fromstring(sys.stdin.buffer.read()).iter()]))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' })) as [string, string][];
}
const texts = (xml: string, tag: string) =>
  elements(xml)
    .filter(([name]) => name === tag)
    .map(([, text]) => text);

test('robots.txt names both sitemaps and keeps crawlers out of the Studio and the API', async ({ request, baseURL }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  expect(robots).toContain('Disallow: /studio');
  expect(robots).toContain('Disallow: /api/');
});

// That no draft reaches it: hostile-feeds.spec.ts, over every feed and sitemap.
test('the sitemap lists public pages with lastmod', async ({ request, baseURL }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const xml = await response.text();
  const locs = texts(xml, 'loc');
  expect(locs).toContain(`${baseURL}/articles/${SEED}`);
  expect(locs).toContain(`${baseURL}/tags/world`);
  expect(locs).toContain(`${baseURL}/sources/nextminutenews`);
  expect(locs.some((loc) => loc.includes('/authors/'))).toBe(true);
  expect(texts(xml, 'lastmod')).toHaveLength(locs.length);
});

// The news sitemap: tests/e2e/news-sitemap.spec.ts publishes a fresh article and finds it there.

test('an article carries NewsArticle and BreadcrumbList JSON-LD, canonical URL and a social card', async ({ page, request, baseURL }) => {
  await page.goto(`/articles/${SEED}`);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const graph = scripts.flatMap((text) => JSON.parse(text)['@graph'] ?? [JSON.parse(text)]);
  const article = graph.find((thing: { '@type': string }) => thing['@type'] === 'NewsArticle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.headline);
  expect(article.mainEntityOfPage['@id']).toBe(`${baseURL}/articles/${SEED}`);
  expect(article.publisher['@type']).toBe('NewsMediaOrganization');
  const crumbs = graph.find((thing: { '@type': string }) => thing['@type'] === 'BreadcrumbList');
  expect(crumbs.itemListElement.map((item: { name: string }) => item.name)).toEqual(['NextMinuteNews', 'World', article.headline]);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/articles/${SEED}`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const image = (await page.locator('meta[property="og:image"]').first().getAttribute('content')) ?? '';
  expect(image).toContain(`/articles/${SEED}/opengraph-image`);
  const card = await request.get(image);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
});

test('the Russian article gets its own card', async ({ page, request }) => {
  await page.goto(`/articles/${RUSSIAN}`);
  const image = (await page.locator('meta[property="og:image"]').first().getAttribute('content')) ?? '';
  expect(image).toContain(`/articles/${RUSSIAN}/opengraph-image`);
  const card = await request.get(image);
  expect(card.status()).toBe(200);
  const png = await card.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('home names the publisher and the site search', async ({ page, baseURL }) => {
  await page.goto('/');
  const graph = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => JSON.parse(text)['@graph'] ?? []);
  const website = graph.find((thing: { '@type': string }) => thing['@type'] === 'WebSite');
  expect(website.potentialAction.target.urlTemplate).toBe(`${baseURL}/search?q={search_term_string}`);
  expect(graph.some((thing: { '@type': string }) => thing['@type'] === 'NewsMediaOrganization')).toBe(true);
});
