import { expect, test } from '@playwright/test';
import { TEST_SECRETS } from '../helpers/builds.ts';

/*
 * Draft preview on the built `sample` site. The sample dataset holds a draft of
 * the Lake Sorrel article (drafts.article-lake-sorrel-water-levels-reach-40-year-low)
 * with its own headline; only an editor with the preview secret may see it.
 */

const PREVIEW_SECRET = TEST_SECRETS.PREVIEW_SECRET;
const path = '/articles/lake-sorrel-water-levels-reach-40-year-low';
const published = 'Lake Sorrel Water Levels Reach 40-Year Low';
const draft = 'DRAFT: Lake Sorrel Falls to Lowest Level in Four Decades';

function enableUrl(secret: string | undefined, redirect = path): string {
  const params = new URLSearchParams({ redirect });
  if (secret !== undefined) params.set('secret', secret);
  return `/api/draft-mode/enable?${params}`;
}

test('readers see the published headline, never the draft', async ({ page }) => {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(published);
  await expect(page.getByText(draft)).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Draft preview' })).toHaveCount(0);
});

test('a wrong or missing preview secret is refused and shows nothing of the draft', async ({ page }) => {
  for (const secret of ['wrong-secret', '', undefined, `${PREVIEW_SECRET}x`]) {
    const response = await page.goto(enableUrl(secret));
    expect(response?.status(), `secret ${JSON.stringify(secret)}`).toBe(401);
  }
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('__prerender_bypass');
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(published);
});

test('with the secret, the editor sees the draft with a banner and noindex; others still see the published article', async ({ page, browser }) => {
  await page.goto(enableUrl(PREVIEW_SECRET));
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft);
  const banner = page.getByRole('status', { name: 'Draft preview' });
  await expect(banner).toContainText('Draft preview');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  // A reader in another browser at the same moment: the public page, not the draft.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(path);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(published);
  await expect(readerPage.getByText(draft)).toHaveCount(0);
  await reader.close();

  await banner.getByRole('link', { name: 'Leave draft preview' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(published);
  await expect(page.getByRole('status', { name: 'Draft preview' })).toHaveCount(0);
});

test('enable and disable only redirect to paths on this site', async ({ request, baseURL }) => {
  const hostile = [
    '//evil.example/x',
    'https://evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
  ];
  for (const target of hostile) {
    for (const url of [enableUrl(PREVIEW_SECRET, target), `/api/draft-mode/disable?redirect=${encodeURIComponent(target)}`]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBeGreaterThanOrEqual(300);
      expect(response.status(), url).toBeLessThan(400);
      const location = new URL(response.headers().location!, baseURL);
      expect(location.origin, url).toBe(new URL(baseURL!).origin);
      expect(location.pathname, url).toBe('/');
    }
  }
  const good = await request.get(enableUrl(PREVIEW_SECRET, `${path}?from=studio#top`), { maxRedirects: 0 });
  expect(new URL(good.headers().location!, baseURL).pathname).toBe(path);
});
