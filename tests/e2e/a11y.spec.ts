import { expect, test } from '@playwright/test';
import { TEST_SECRETS } from '../helpers/builds.ts';
import { expectNoAxeViolations, isMainPairing, PAGES, SCHEMES, SEED, WIDTHS } from './a11y-pages.ts';

/*
 * WCAG 2.2 AA on every page type, light and dark, on a phone and a desktop (axe rules in
 * a11y-pages.ts), plus what axe cannot see: keyboard paths, visible focus, and focus never
 * hidden under anything fixed at the top (2.4.11).
 *
 * Every page in the main pairings (isMainPairing); the other two, a dark phone and a light
 * desktop, on the pages whose layout or colours differ most (CROSS_CHECKED): the whole grid
 * took a quarter of the test run for checks that repeat each other.
 */

const PREVIEW_SECRET = TEST_SECRETS.PREVIEW_SECRET;
const CROSS_CHECKED = new Set(['home', 'article with a main image', 'live blog', 'tag', 'search with results', '404 (unknown article)']);

for (const width of WIDTHS) {
  for (const colorScheme of SCHEMES) {
    test.describe(`${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme });
      for (const [name, path] of PAGES.filter(([page]) => isMainPairing(width, colorScheme) || CROSS_CHECKED.has(page))) {
        test(`axe finds no WCAG 2.2 AA violation on the ${name} page`, async ({ page }, info) => {
          await page.goto(path);
          await expectNoAxeViolations(page, info);
        });
      }

      test('axe finds no WCAG 2.2 AA violation on an article with the draft preview banner', async ({ page }, info) => {
        const path = '/articles/lake-sorrel-water-levels-reach-40-year-low';
        await page.goto(`/api/draft-mode/enable?${new URLSearchParams({ secret: PREVIEW_SECRET, redirect: path })}`);
        await expect(page.getByRole('status', { name: 'Draft preview' })).toBeVisible();
        await expectNoAxeViolations(page, info);
      });
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

test('focus is never hidden under the header: every link tabbed to on a phone is fully on screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 640 });
  await page.goto('/');
  // Scroll down first so a sticky or fixed header, if any, covers the top of the viewport.
  await page.mouse.wheel(0, 1500);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const box = el.getBoundingClientRect();
      // What the reader sees at the middle of the focused element's top edge.
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + 1, 0), innerHeight - 1);
      const onTop = document.elementFromPoint(x, y);
      return {
        label: el.textContent?.trim().slice(0, 40) ?? el.tagName,
        top: box.top,
        bottom: box.bottom,
        covered: !!onTop && !el.contains(onTop) && !onTop.contains(el),
      };
    });
    if (!where) continue;
    seen.add(where.label);
    expect(where.top, where.label).toBeGreaterThanOrEqual(0);
    expect(where.bottom, where.label).toBeLessThanOrEqual(640);
    expect(where.covered, `${where.label} is covered`).toBe(false);
  }
  expect(seen.size).toBeGreaterThan(10);
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
