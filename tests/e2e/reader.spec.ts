import { expect, test } from '@playwright/test';

const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const SEED_TITLE = 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions';

test('home lists the seed article among the top stories', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const topStories = page.getByRole('region', { name: 'Top stories' });
  await expect(topStories.getByRole('link', { name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Central Asia' })).toBeVisible();
});

test('the seed article reads as the wire copy meant it', async ({ page }) => {
  await page.goto(SEED);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  const body = page.locator('.article-body');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText([
    'Kazakhstan’s Multi-Vector Diplomacy Under Strain',
    'Government Crackdown on Pro- and Anti-Russian Speech',
    'Fear of Internal Unrest Drives Censorship',
    'Media and Online Censorship Tightens',
    'Can Kazakhstan Maintain Neutrality Long-Term?',
  ]);
  const lists = body.getByRole('list');
  await expect(lists).toHaveCount(2);
  await expect(lists.nth(0).getByRole('listitem')).toHaveCount(2);
  await expect(lists.nth(1).getByRole('listitem')).toHaveCount(3);
  await expect(body.getByRole('paragraph').first()).toHaveText(/^In the heart of Central Asia/);
  // Wire copy has no standfirst: the lede is not repeated above the body.
  await expect(page.locator('.standfirst')).toHaveCount(0);
  // The sign-off became the lead source, not a line of text.
  await expect(body).not.toContainText('— NextMinuteNews');
  await expect(page.locator('.sources')).toContainText('NextMinuteNews');
  await expect(page.locator('time').first()).toHaveAttribute('datetime', '2026-11-20T08:00:00.000Z');
  await expect(page.locator('time').first()).toHaveText('November 20, 2026 at 8:00 AM UTC');
  await expect(page.getByRole('navigation', { name: 'In this article' }).getByRole('link')).toHaveCount(5);
});

test('the seed article is listed on its tag, source and author pages', async ({ page }) => {
  for (const path of ['/tags/central-asia', '/sources/nextminutenews', '/authors/dana-reyes']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('link', { name: SEED_TITLE }), path).toBeVisible();
  }
});

test('a state-affiliated source is labelled for readers', async ({ page }) => {
  await page.goto('/articles/lake-sorrel-water-levels-reach-40-year-low');
  await expect(page.locator('.sources')).toContainText('Caspian State Broadcasting');
  await expect(page.locator('.sources')).toContainText('State-affiliated media');
  await page.goto('/sources/caspian-state-broadcasting');
  await expect(page.getByText('State-affiliated media').first()).toBeVisible();
});

test('corrections are shown on the article, with the policy linked', async ({ page }) => {
  await page.goto('/articles/port-aldane-raises-harbour-fees-for-first-time-in-a-decade');
  const corrections = page.getByRole('region', { name: 'Corrections' });
  await expect(corrections).toContainText('It is 12%');
  await corrections.getByRole('link', { name: /How we correct/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections policy');
});

test("an article's language sets lang and dir", async ({ page }) => {
  await page.goto('/articles/v-verkhneozerske-otkryli-novyy-most-cherez-reku-sarnu');
  const article = page.locator('article.article');
  await expect(article).toHaveAttribute('lang', 'ru');
  await expect(article).toHaveAttribute('dir', 'ltr');
});

test('an unknown slug is a 404 page, never a 500', async ({ page }) => {
  for (const path of [
    '/articles/no-such-story',
    '/tags/no-such-tag',
    '/sources/nope',
    '/authors/nobody',
    '/no/such/page',
    '/tags/world/page/99',
    '/tags/world/page/x',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found');
  }
});

test('page 1 of a listing lives at the listing itself', async ({ page }) => {
  const response = await page.goto('/tags/world/page/1');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/tags/world');
});

test('About, corrections policy and health answer', async ({ page, request }) => {
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About NextMinuteNews');
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, source: { kind: 'embedded' } });
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader can go from home to an article and to its tag', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Top stories' }).getByRole('link', { name: SEED_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
    await expect(page.locator('.article-body h2')).toHaveCount(5);
    await page.locator('.article-header').getByRole('link', { name: 'Central Asia' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Central Asia');
  });
});

test('the skip link and landmarks are there', async ({ page }) => {
  await page.goto(SEED);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
