import { expect, studioTest } from './fixture.ts';
import { openStudio } from './studio.ts';

/*
 * The Studio opens on the lake as an editor expects (no login, no error screen, the sample's
 * articles listed), and the lake refuses, as Sanity's Content Lake does, to delete a tag that
 * published articles still refer to.
 */
const test = studioTest('open');

// Three of the sample's published articles (sanity/sample-content), newest first in "All articles".
const SAMPLE_HEADLINES = [
  'Regional Leaders Meet in Aldane to Discuss Transit Corridor',
  'Northvale Rail Strike Ends After Overnight Talks',
  'Central Bank of Veska Holds Interest Rates Steady',
];

test('/studio opens with no login and no error screen, and lists the sample articles', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('link', { name: 'Articles' }).click();
  await page.getByRole('link', { name: 'All articles' }).click();
  const list = page.getByRole('listbox', { name: 'All articles' });
  for (const headline of SAMPLE_HEADLINES) await expect(list.getByRole('option', { name: new RegExp(`^${headline}`) })).toBeVisible();
  await expect(page.getByText(/choose login provider|an error occurred|something went wrong|not authorized/i)).toHaveCount(0);
});

test('deleting a tag that articles use is refused, and the tag stays', async ({ page, request, stack }) => {
  await openStudio(page, '/tag;tag-world');
  await page.getByRole('button', { name: 'Open document actions' }).click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete document?' });
  // The Studio lists who refers to the tag, read from the lake.
  await expect(dialog.getByText(/documents refer to “World”/)).toBeVisible();
  await expect(dialog.getByRole('link', { name: SAMPLE_HEADLINES[0] })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(page.getByText('An error occurred while attempting to delete this document')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('World', { timeout: 60_000 });
  const inLake = (await (await fetch(`${stack.lake.url}/v2025-02-19/data/doc/production/tag-world`)).json()) as { documents: { title?: string }[] };
  expect(inLake.documents.map((doc) => doc.title)).toEqual(['World']);
  expect((await request.get('/tags/world')).status()).toBe(200);
});
