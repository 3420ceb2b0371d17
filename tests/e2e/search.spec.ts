import { expect, test } from '@playwright/test';
import { upsertDocuments } from '../helpers/dataset.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { DATASET, freshArticle, restore, SECRET, snapshotDataset } from './site-dataset.ts';

const SEED_TITLE = 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions';

test('a search for "Tokayev" finds the seed article and marks the word', async ({ page }) => {
  const response = await page.goto('/search?q=Tokayev');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('1 result for “Tokayev”')).toBeVisible();
  const results = page.getByRole('list').filter({ has: page.getByRole('link', { name: SEED_TITLE }) });
  await expect(results.getByRole('link', { name: SEED_TITLE })).toHaveAttribute('href', /\/articles\/kazakhstan-silences/);
  await expect(page.locator('.search-results mark').first()).toHaveText('Tokayev');
  await expect(page.locator('.search-results time')).toHaveCount(1);
});

test('the search page is not indexed', async ({ page }) => {
  await page.goto('/search?q=Tokayev');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});

test('the header form searches without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Lake Sorrel');
  await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=Lake\+Sorrel/);
  await expect(page.getByRole('link', { name: 'Lake Sorrel Water Levels Reach 40-Year Low' })).toBeVisible();
  await context.close();
});

test('an empty search asks for words', async ({ page }) => {
  for (const path of ['/search', '/search?q=', '/search?q=%20%20']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText('Type a word or two to search')).toBeVisible();
  }
});

const hostile = [
  '*',
  '[',
  '->',
  '"',
  '\\',
  '*[_type == "sanity.imageAsset"]',
  '") || true || ("',
  'match score order select',
  '<script>alert(1)</script>',
  '\u202e\u0000嗨 мост',
  'x'.repeat(1000),
];

for (const q of hostile) {
  test(`a hostile query ${JSON.stringify(q.slice(0, 30))} answers 200 with a message`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}&page=${encodeURIComponent('2"]')}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('.search-status')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('results page by 20 with a count and links between pages', async ({ page, baseURL }) => {
  // More than one page of results, published for this test: 25 articles with one rare word.
  const putBack = snapshotDataset(DATASET);
  const seeded = Array.from({ length: 25 }, (_, i) =>
    freshArticle(`article-zephyrquill-report-${i + 1}`, `Zephyrquill Report Number ${i + 1}`, {
      publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }),
  );
  upsertDocuments(DATASET, seeded);
  // One webhook expires every list of articles, search included.
  await publishWebhook(baseURL!, SECRET, seeded[0]);
  try {
    await page.goto('/search?q=Zephyrquill');
    await expect(page.locator('.search-status')).toContainText('25 results');
    await expect(page.locator('.search-results > li')).toHaveCount(20);
    // Newest first: the 25th report leads page one, the 5th ends it.
    await expect(page.locator('.search-results > li').first()).toContainText('Zephyrquill Report Number 25');
    const pages = page.getByRole('navigation', { name: 'Result pages' });
    await pages.getByRole('link', { name: /next/i }).click();
    await expect(page).toHaveURL(/\/search\?q=Zephyrquill&page=2$/);
    await expect(page.locator('.search-results > li')).toHaveCount(5);
    await expect(page.locator('.search-results > li').last()).toContainText('Zephyrquill Report Number 1');
    // Past the last page: a message and a way back, never an error.
    const response = await page.goto('/search?q=Zephyrquill&page=99');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: 'Back to the first page' })).toHaveAttribute('href', '/search?q=Zephyrquill');
  } finally {
    await restore(baseURL!, putBack, seeded.slice(0, 1));
  }
});

test('the query is shown back in the box and as text, never as markup', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('<b>bold</b> lake')}`);
  await expect(page.locator('#search-page-q')).toHaveValue('<b>bold</b> lake');
  await expect(page.locator('.search-page b')).toHaveCount(0);
});
