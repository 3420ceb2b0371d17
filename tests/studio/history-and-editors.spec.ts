import { expect, studioTest } from './fixture.ts';
import { field, openPaneMenu, openStudio, publish, saved } from './studio.ts';

/*
 * The lake's history and its concurrent edits, as the Studio uses them: an editor restores an
 * earlier revision from the History panel, and two editors (two browsers) typing into different
 * fields of one draft at the same time both keep their words.
 */
const test = studioTest('history');

const BANK = { id: 'article-central-bank-of-veska-holds-interest-rates-steady', headline: 'Central Bank of Veska Holds Interest Rates Steady' };
const FESTIVAL = { id: 'article-steppe-film-festival-opens-with-record-number-of-entries' };

test('an earlier revision restored from History is back in the form', async ({ page }) => {
  const published = 'Central Bank of Veska Holds Rates for a Third Month';
  const later = 'Central Bank of Veska Surprises Markets';
  await openStudio(page, `/articles;articles-all;${BANK.id}`);
  await field(page, 'Headline').fill(published);
  await publish(page);
  await field(page, 'Headline').fill(later);
  await saved(page);

  await openPaneMenu(page, 'History');
  const revisions = page.getByRole('listbox', { name: 'Document revisions' });
  await revisions.getByRole('button', { name: /Published/ }).click();
  // The form shows that revision, read-only, until it is restored.
  await expect(field(page, 'Headline')).toHaveValue(published);
  await page.getByRole('button', { name: 'Revert to revision' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('was restored')).toBeVisible();
  await expect(field(page, 'Headline')).toHaveValue(published);
  await expect(field(page, 'Headline')).toBeEditable();
});

test('two editors change different fields of one draft at the same time, and both changes are kept', async ({ page, openWindow, stack }) => {
  const other = await (await openWindow()).newPage();
  for (const editor of [page, other]) await openStudio(editor, `/articles;articles-all;${FESTIVAL.id}`);
  const standfirst = field(page, 'Standfirst');
  const headline = field(other, 'Headline');
  await standfirst.fill('Organisers counted 412 films from 38 countries.');
  await headline.click();
  await headline.press('End');
  await Promise.all([standfirst.pressSequentially(' Screenings start on Friday.', { delay: 20 }), headline.pressSequentially(' in Aldane', { delay: 30 })]);
  await Promise.all([saved(page), saved(other)]);

  const title = await headline.inputValue();
  expect(title).toMatch(/ in Aldane$/);
  const expected = { title, standfirst: 'Organisers counted 412 films from 38 countries. Screenings start on Friday.' };
  // Each editor sees the other's words, and the lake holds both in the draft.
  await expect(field(other, 'Standfirst')).toHaveValue(expected.standfirst);
  await expect(field(page, 'Headline')).toHaveValue(expected.title);
  const draft = (await (await fetch(`${stack.lake.url}/v2025-02-19/data/doc/production/drafts.${FESTIVAL.id}`)).json()) as {
    documents: Record<string, unknown>[];
  };
  expect(draft.documents[0]).toMatchObject(expected);
});
