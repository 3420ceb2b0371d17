import { expect, type Locator, type Page } from '@playwright/test';

/*
 * What an editor does in the Studio, found as a person finds it: by a field's label, a button's
 * name, a list item's text. Every step waits for what the editor would wait for (the form, "Saved",
 * the "… was published" toast), never a guessed time.
 */

/** Opens a Studio path (under /studio/structure) and waits for the Studio to show its content list. */
export async function openStudio(page: Page, structurePath = ''): Promise<void> {
  await page.goto(`/studio/structure${structurePath}`);
  // The user menu: the lake answered /users/me, so the Studio neither shows a login screen nor an error.
  await expect(page.getByRole('button', { name: 'Local Editor' })).toBeVisible({ timeout: 60_000 });
}

/** A text field of the open document, by its label. */
export const field = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });

/** A group of fields (an array, an image, the body), by the label it starts with. */
export const group = (page: Page, label: string): Locator => page.getByRole('group').filter({ hasText: new RegExp(`^${label}`) });

/** Waits until the edits so far reached the lake (the status bar says "Saved"). */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
}

/**
 * Publishes the open document and waits for the Studio to confirm it. A click while the Studio is
 * still validating the last keystrokes waits for that, and is dropped (with a "Validation errors"
 * toast) when the check it waited for ran on a copy from before them: the editor clicks again.
 */
export async function publish(page: Page): Promise<void> {
  await saved(page);
  const button = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(async () => {
    if (await button.isEnabled()) await button.click();
    await expect(page.getByText('was published')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

/** A date-time field takes "YYYY-MM-DD HH:mm" in the browser's zone (UTC, see the config). */
export async function setDateTime(page: Page, label: string, when: Date): Promise<void> {
  const input = field(page, label);
  await input.fill(when.toISOString().slice(0, 16).replace('T', ' '));
  await input.press('Enter');
}

/** Adds a reference to an array field by typing into its picker and choosing the match. */
export async function addReference(page: Page, label: string, search: string, choice: RegExp): Promise<void> {
  const array = group(page, label);
  await array.getByRole('button', { name: 'Add item' }).click();
  await array.getByRole('combobox', { name: 'Type to search' }).fill(search);
  await page.getByRole('option', { name: choice }).click();
  await expect(array.getByRole('link', { name: choice })).toBeVisible();
}

/**
 * Writes a body as an editor would with the toolbar: a section heading (h2), a bullet list of
 * `items`, then a paragraph whose last word becomes a link to `href`. The editor keeps its own
 * idea of the caret and catches up with the browser's a moment late, so the caret is only ever
 * put where both agree (the end of a block, by a click at its right edge; a word, by one key).
 */
export async function writeBody(page: Page, body: { heading: string; items: string[]; paragraph: string; href: string }) {
  const editor = group(page, 'Body').getByRole('textbox');
  // A click on the right half of a block's last letter puts the caret after it.
  const toEndOf = async (text: string) => {
    const span = editor.getByText(text, { exact: true });
    const box = (await span.boundingBox())!;
    await span.click({ position: { x: box.width - 1, y: box.height / 2 } });
  };
  await editor.click();
  await page.keyboard.type(body.heading);
  // The style menu's button names the caret's block style: Normal (or No style before any text).
  await page.getByRole('button', { name: /^(Normal|No style)$/ }).click();
  await page.getByRole('menuitem', { name: 'Heading 2' }).click();
  const heading = editor.getByRole('heading', { level: 2, name: body.heading });
  await expect(heading).toBeVisible();
  // The style menu took the focus.
  await toEndOf(body.heading);
  await page.keyboard.press('Enter');
  await page.keyboard.type(body.items[0]!);
  await page.getByRole('button', { name: 'Bullet' }).click();
  await toEndOf(body.items[0]!);
  for (const item of body.items.slice(1)) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(item);
  }
  // Enter on an empty list item ends the list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type(body.paragraph);
  await page.keyboard.press('Control+Shift+ArrowLeft');
  const link = page.getByRole('button', { name: 'Link' });
  // Enabled once the editor has the word selected.
  await expect(link).toBeEnabled();
  await link.click();
  await field(page, 'URL').fill(body.href);
  await page.keyboard.press('Escape');
  for (const text of [...body.items, body.paragraph]) await expect(editor.getByText(text, { exact: true })).toBeVisible();
}

/** The document pane's own menu (History, Inspect…), not the document actions. */
export async function openPaneMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('pane-context-menu-button').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** A date as "now plus `hours`", for fields that must be in the past or the future whatever today is. */
export const hoursFromNow = (hours: number): Date => new Date(Date.now() + hours * 3_600_000);
