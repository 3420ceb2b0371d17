import { expect, studioTest } from './fixture.ts';
import { field, group, hoursFromNow, openStudio, publish, setDateTime } from './studio.ts';

/*
 * The newsroom's two quick jobs: an update posted to the running live blog from "Live now" reaches
 * a reader who has the blog open (its island polls updates.json), and a breaking-news banner set in
 * "Site settings" shows on the home page.
 */
const test = studioTest('live');

test('an update posted in "Live now" reaches a reader who has the live blog open', async ({ page, openWindow }) => {
  const title = 'Pumps restart in Lower Sarn';
  const reader = await (await openWindow()).newPage();
  // The island polls every 15 s: the test moves the reader's clock on instead of waiting.
  await reader.clock.install();
  await reader.goto('/articles/storm-kestrel-live');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(/Storm Kestrel/);

  await openStudio(page, '/live-now');
  await page.getByRole('link', { name: /^Storm Kestrel/ }).click();
  await page.getByRole('link', { name: 'Update for a live blog' }).click();
  // The form opens already pointing at this live blog (the "New update" template).
  await expect(page.getByRole('heading', { name: 'New Live update' })).toBeVisible();
  await field(page, 'Title').fill(title);
  await group(page, 'Body').getByRole('textbox').click();
  await page.keyboard.type('The village pumps are running again.');
  await publish(page);

  const offer = reader.getByRole('button', { name: '1 new update' });
  await expect(async () => {
    await reader.clock.runFor(15_000);
    await expect(offer).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await offer.click();
  await expect(reader.getByRole('heading', { name: title })).toBeVisible();
  await expect(reader.getByText('The village pumps are running again.')).toBeVisible();
});

test('a breaking-news banner set in "Site settings" shows on the home page', async ({ page, openWindow }) => {
  const text = 'Polls close in the Caspian regional election';
  const reader = await (await openWindow()).newPage();
  await reader.goto('/');
  const banner = reader.getByRole('region', { name: 'Breaking news' });
  await expect(banner).toHaveCount(0);

  await openStudio(page, '/siteSettings');
  await field(page, 'Text').fill(text);
  await setDateTime(page, 'Expires at', hoursFromNow(24));
  await publish(page);

  await expect(async () => {
    await reader.reload();
    await expect(banner).toContainText(text, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
