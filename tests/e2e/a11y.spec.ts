import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

const pages: [string, string][] = [
  ['home', '/'],
  ['article', SEED],
  ['article with a body image', '/articles/caspian-grid-operator-plans-solar-expansion-across-three-regions'],
  ['Russian article', '/articles/v-verkhneozerske-otkryli-novyy-most-cherez-reku-sarnu'],
  ['tag', '/tags/central-asia'],
  ['source', '/sources/caspian-state-broadcasting'],
  ['author', '/authors/dana-reyes'],
  ['search', '/search?q=Tokayev'],
  ['empty search', '/search'],
  ['404 (unknown article)', '/articles/no-such-article'],
  ['404 (no route)', '/no-such-page'],
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, path] of pages) {
    test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // Let the blur placeholders and fonts settle so colour contrast is measured on the real page.
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('Tab from the top focuses the skip link, and Enter moves focus to the main content', async ({ page }) => {
  await page.goto(SEED);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab continues inside main, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('keyboard focus is visible on links, inputs and buttons', async ({ page }) => {
  await page.goto('/');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(outline.style, outline.tag).not.toBe('none');
    expect(outline.width, outline.tag).toBeGreaterThanOrEqual(2);
  }
});

test('a reader can search using only the keyboard', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // wordmark
  await page.keyboard.press('Tab'); // search box
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();
  await page.keyboard.type('Tokayev');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Tokayev/);
  await expect(page.getByText('1 result for “Tokayev”')).toBeVisible();
});
