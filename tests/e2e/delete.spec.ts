import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DATASET, freshArticle, publish, restore, snapshotDataset, unpublish } from './site-dataset.ts';

/*
 * Deleted means gone everywhere a reader or a crawler could meet the article: its page and social
 * card, home, its tag, source and author pages, the three site feeds, its tag's feed, the sitemap
 * and search. The test publishes the article first and sees it in every one of those places, so
 * no check can pass because the article was never there.
 */
const TITLE = 'Quillfeather Ferry Returns to the Northern Route';
const article = freshArticle('article-quillfeather-ferry-returns-to-the-northern-route', TITLE);
const PAGE = '/articles/quillfeather-ferry-returns-to-the-northern-route';

const listings = ['/', '/tags/technology', '/sources/nextminutenews', '/authors/dana-reyes', '/search?q=Quillfeather'];
const documents = ['/feed.xml', '/atom.xml', '/feed.json', '/tags/technology/feed.xml', '/sitemap.xml'];

let putBack: (() => void) | undefined;
test.beforeAll(() => {
  putBack = snapshotDataset(DATASET);
});
test.afterAll(async ({ baseURL }) => {
  if (putBack) await restore(baseURL!, putBack, [article]);
});

async function linkCount(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return page.getByRole('link', { name: TITLE }).count();
}

async function mentions(request: APIRequestContext, path: string): Promise<boolean> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.text()).includes(PAGE);
}

test('a deleted article leaves its page, its card, every listing, every feed, the sitemap and search', async ({ page, request, baseURL }) => {
  await publish(baseURL!, [article]);
  await expect(page.goto(PAGE).then((response) => response?.status())).resolves.toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const card = (await page.locator('meta[property="og:image"]').first().getAttribute('content')) ?? '';
  expect(card).toContain(`${PAGE}/opengraph-image`);
  expect((await request.get(card)).status()).toBe(200);
  for (const path of listings) expect(await linkCount(page, path), `${path} links to the new article`).toBeGreaterThan(0);
  for (const path of documents) expect(await mentions(request, path), `${path} lists the new article`).toBe(true);

  await unpublish(baseURL!, [article]);

  expect((await page.goto(PAGE))?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(TITLE);
  expect((await request.get(card)).status()).toBe(404);
  for (const path of listings) expect(await linkCount(page, path), `${path} still links to the deleted article`).toBe(0);
  for (const path of documents) expect(await mentions(request, path), `${path} still lists the deleted article`).toBe(false);
});
