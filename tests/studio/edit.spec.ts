import { expect, studioTest } from './fixture.ts';
import { field, openStudio, publish } from './studio.ts';

/*
 * A published article corrected in the Studio: the reader's page follows the new headline. And one
 * unpublished: its page is gone (404) and so is its feed item.
 */
const test = studioTest('edit');

const STRIKE = {
  id: 'article-northvale-rail-strike-ends-after-overnight-talks',
  slug: 'northvale-rail-strike-ends-after-overnight-talks',
  headline: 'Northvale Rail Strike Ends After Overnight Talks',
};
const HARBOUR = {
  id: 'article-port-aldane-raises-harbour-fees-for-first-time-in-a-decade',
  slug: 'port-aldane-raises-harbour-fees-for-first-time-in-a-decade',
  headline: 'Port Aldane Raises Harbour Fees for First Time in a Decade',
};

test('a new headline published in the Studio replaces the old one on the article page', async ({ page, openWindow }) => {
  const corrected = 'Northvale Rail Strike Ends After Nine Days';
  const reader = await (await openWindow()).newPage();
  await reader.goto(`/articles/${STRIKE.slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(STRIKE.headline);

  await openStudio(page, `/articles;articles-all;${STRIKE.id}`);
  await expect(field(page, 'Headline')).toHaveValue(STRIKE.headline);
  await field(page, 'Headline').fill(corrected);
  await publish(page);

  await expect(async () => {
    await reader.reload();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(corrected, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(reader.getByText(STRIKE.headline)).toHaveCount(0);
});

test('an article unpublished in the Studio answers 404 and leaves the feed', async ({ page, request }) => {
  expect((await request.get(`/articles/${HARBOUR.slug}`)).status()).toBe(200);
  expect(await (await request.get('/feed.xml')).text()).toContain(`/articles/${HARBOUR.slug}</link>`);

  await openStudio(page, `/articles;articles-all;${HARBOUR.id}`);
  await expect(field(page, 'Headline')).toHaveValue(HARBOUR.headline);
  // Unpublish acts on the published version: the editor switches to it first.
  await page.getByRole('button', { name: 'Published', exact: true }).click();
  await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unpublish now' }).click();
  await expect(page.getByText('was unpublished')).toBeVisible();

  await expect(async () => {
    expect((await request.get(`/articles/${HARBOUR.slug}`)).status()).toBe(404);
    expect(await (await request.get('/feed.xml')).text()).not.toContain(`/articles/${HARBOUR.slug}</link>`);
  }).toPass({ timeout: 30_000 });
});
