import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SITE_BUILD, TEST_SECRETS } from '../helpers/builds.ts';
import { removeDocuments, upsertDocuments } from '../helpers/dataset.ts';
import { eventually } from '../helpers/eventually.ts';
import { publishWebhook } from '../helpers/webhook.ts';

/*
 * The breaking-news banner end to end on the built `site`: an editor publishes
 * siteSettings (here: the dataset copy the site reads, then the signed webhook),
 * and the banner shows on every kind of page; once it expires it goes, by the
 * webhook or by the time-based revalidation alone. Times are relative to now.
 */

const DATASET = SITE_BUILD.dataset!;
const SECRET = TEST_SECRETS.SANITY_REVALIDATE_SECRET;
const SEED_SLUG = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const PAGES = { home: '/', article: '/articles/caspian-grid-operator-plans-solar-expansion-across-three-regions', tag: '/tags/world' };
const TEXT = 'Polls close in the Caspian regional election';

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

function settings(expiresAt: string) {
  return {
    _id: 'siteSettings',
    _type: 'siteSettings',
    _createdAt: '2026-03-01T08:00:00Z',
    _updatedAt: new Date().toISOString(),
    _rev: `breaking-${Date.now()}`,
    breakingNews: { text: TEXT, article: { _type: 'reference', _ref: `article-${SEED_SLUG}` }, expiresAt },
  };
}

/** An editor's publish: the document lands in the dataset, then Sanity's webhook reaches the site. */
async function publish(baseURL: string, expiresAt: string) {
  const doc = settings(expiresAt);
  upsertDocuments(DATASET, [doc]);
  await publishWebhook(baseURL, SECRET, doc);
}

const banner = (page: Page) => page.getByRole('region', { name: 'Breaking news' });

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ baseURL }) => {
  removeDocuments(DATASET, ['siteSettings']);
  await publishWebhook(baseURL!, SECRET, { _id: 'siteSettings', _type: 'siteSettings' });
});

test('a published banner shows on home, an article and a tag page, links to its article, and goes when expired', async ({ page, baseURL }) => {
  await page.goto(PAGES.home);
  await expect(banner(page)).toHaveCount(0);

  await publish(baseURL!, inSeconds(24 * 3600));
  for (const path of Object.values(PAGES)) {
    await page.goto(path);
    await expect(banner(page), path).toBeVisible();
    await expect(banner(page).getByRole('link', { name: TEXT }), path).toHaveAttribute('href', `/articles/${SEED_SLUG}`);
  }
  const axe = await new AxeBuilder({ page }).include('.breaking-news').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await banner(page).getByRole('link', { name: TEXT }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${SEED_SLUG}$`));

  await publish(baseURL!, inSeconds(-60));
  for (const path of Object.values(PAGES)) {
    await page.goto(path);
    await expect(banner(page), path).toHaveCount(0);
  }
});

test('a banner disappears after it expires without any webhook, within the time-based revalidation', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const expiresAt = inSeconds(15);
  await publish(baseURL!, expiresAt);
  await page.goto(PAGES.tag);
  await expect(banner(page)).toBeVisible();
  // No webhook from here on: the page's revalidate is bounded by the banner's expiry.
  await eventually(
    async () => {
      await page.reload();
      expect(await banner(page).count()).toBe(0);
    },
    { what: 'the expired banner to leave the tag page without a webhook', timeout: 40_000, interval: 1000 },
  );
  // Gone because it expired, not before.
  expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
});
