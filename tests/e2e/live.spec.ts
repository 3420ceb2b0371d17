import AxeBuilder from '@axe-core/playwright';
import { execFile, execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { getDocument, removeDocuments, snapshotDataset, upsertDocuments } from '../helpers/dataset.ts';
import { SITE_BUILD, TEST_SECRETS } from '../helpers/builds.ts';
import { publishWebhook, sendWebhook } from '../helpers/webhook.ts';

/*
 * A live blog on the built sample site: the page as rendered (LIVE label, key
 * events, pinned first, 40 updates, paging, anchors), without JavaScript, an
 * update posted from the command line reaching an open page, axe, and the
 * live feed read by feedparser. The site's dataset and webhook secret are the
 * test build's (tests/helpers/builds.ts); LIVE_E2E_DATASET/LIVE_E2E_SECRET point elsewhere.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const DATASET = process.env.LIVE_E2E_DATASET ?? SITE_BUILD.dataset!;
const SECRET = process.env.LIVE_E2E_SECRET ?? TEST_SECRETS.SANITY_REVALIDATE_SECRET;
const BLOG = '/articles/storm-kestrel-live';
const ID = (n: number) => `liveUpdate-storm-kestrel-live-${n}`;

test('a running live blog: LIVE label, latest update, key events, pinned first, 40 updates newest first, paged', async ({ page }) => {
  await page.goto(BLOG);
  const header = page.locator('.article-header');
  await expect(header.getByText('Live', { exact: true })).toBeVisible();
  await expect(header.locator('.live-status time')).toHaveAttribute('datetime', '2026-11-25T19:50:00.000Z');

  const keyEvents = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
  await expect(keyEvents).toHaveCount(2);
  await expect(keyEvents.nth(0)).toHaveAttribute('href', `${BLOG}#update-${ID(25)}`);
  await expect(keyEvents.nth(1)).toHaveAttribute('href', `${BLOG}/page/2#update-${ID(1)}`);

  const updates = page.locator('article.live-update');
  await expect(updates.first()).toHaveAttribute('id', `update-${ID(7)}`);
  await expect(updates.first().getByRole('heading', { name: 'Where to find help' })).toBeVisible();
  await expect(updates).toHaveCount(41);
  await expect(updates.nth(1)).toHaveAttribute('id', `update-${ID(45)}`);
  await expect(updates.nth(1).locator('time')).toHaveAttribute('datetime', '2026-11-25T19:50:00.000Z');
  await expect(updates.nth(1).getByRole('link', { name: 'Link to this update' })).toHaveAttribute('href', `${BLOG}#update-${ID(45)}`);
  await expect(updates.nth(1).getByRole('link', { name: /Tomas Lindqvist|Dana Reyes/ })).toBeVisible();
  await expect(page.getByText('EMBARGOED')).toHaveCount(0);
  await expect(page.getByText('DRAFT update text')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Live blog pages' }).getByRole('link', { name: 'Older updates →' }).click();
  await expect(page).toHaveURL(new RegExp(`${BLOG}/page/2$`));
  await expect(page.locator('article.live-update')).toHaveCount(4);
  await expect(page.locator(`#update-${ID(1)}`).getByRole('heading', { name: 'Red warning for the Sarn valley' })).toBeVisible();
});

test('the key event on an older page opens at its update', async ({ page }) => {
  await page.goto(`${BLOG}/page/2#update-${ID(1)}`);
  await expect(page.locator(`#update-${ID(1)}`)).toBeInViewport();
  expect((await page.request.get(`${BLOG}/page/3`)).status()).toBe(404);
});

test('an ended live blog says so and has no LIVE label', async ({ page }) => {
  await page.goto('/articles/steppe-film-awards-live');
  await expect(page.getByText(/Live coverage ended/)).toBeVisible();
  await expect(page.locator('.live-badge')).toHaveCount(0);
  await expect(page.locator('article.live-update')).toHaveCount(7);
});

test('home features the running live blog above the top stories, with LIVE and its latest update time', async ({ page }) => {
  await page.goto('/');
  const live = page.getByRole('region', { name: 'Live now' });
  await expect(live.getByRole('link', { name: 'Storm Kestrel: Live Updates as Floods Reach Marrowgate' })).toBeVisible();
  await expect(live.getByText('Live', { exact: true })).toBeVisible();
  await expect(live.locator('time[datetime="2026-11-25T19:50:00.000Z"]')).toBeVisible();
  const sections = await page.locator('main section h2').allTextContents();
  expect(sections.indexOf('Live now')).toBeLessThan(sections.indexOf('Top stories'));
});

test('the island ships only with a running live blog, inline and under 3 KB gzip: other pages load exactly the same scripts and nothing more', async ({
  request,
}) => {
  const html = async (path: string) => (await request.get(path)).text();
  const scripts = (page: string) => [...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]).sort();
  const [live = '', ordinary = '', ended = ''] = await Promise.all(
    [BLOG, '/articles/lake-sorrel-water-levels-reach-40-year-low', '/articles/steppe-film-awards-live'].map(html),
  );
  expect(live).toContain('data-live-button');
  // The island itself is the inline script after its placeholders: at most 3 KB gzip, as sent.
  const island = /data-live-new=""><\/div><script>([\s\S]*?)<\/script>/.exec(live)?.[1] ?? '';
  expect(island).toContain('updates.json');
  expect(gzipSync(island).length).toBeLessThan(3 * 1024);
  expect(scripts(live)).toEqual(scripts(ordinary));
  expect(ordinary).not.toContain('data-live-button');
  expect(ended).not.toContain('data-live-button');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the live page is complete as rendered', async ({ page }) => {
    await page.goto(BLOG);
    await expect(page.locator('article.live-update')).toHaveCount(41);
    await expect(page.getByRole('navigation', { name: 'Key events' }).getByRole('link')).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'Older updates →' })).toBeVisible();
    await expect(page.getByRole('button', { name: /new update/ })).toHaveCount(0);
  });
});

test('an update posted with --notify appears on an open page within 20 s, without a reload, and is announced', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await page.goto(BLOG);
  await page.evaluate(() => Object.assign(window, { liveMarker: 'same page' }));
  const title = `Bridge reopens to walkers ${Date.now()}`;
  let posted = '';
  try {
    // The id is read even when the command fails after writing (a refused notification), so the cleanup finds it.
    const { stdout } = await run(
      process.execPath,
      [
        'scripts/content.ts',
        'live',
        'storm-kestrel-live',
        resolve(ROOT, 'tests/fixtures/live-update.txt'),
        '--title',
        title,
        '--author',
        'dana-reyes',
        '--dataset',
        DATASET,
        '--notify',
        baseURL!,
      ],
      { cwd: ROOT, env: { ...process.env, SANITY_REVALIDATE_SECRET: SECRET, NODE_NO_WARNINGS: '1' } },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      posted = /posted (\S+)/.exec(error.stdout ?? '')?.[1] ?? '';
      throw new Error(`content -- live failed: ${error.stderr ?? ''}`);
    });
    posted = /posted (\S+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toMatch(/notified liveUpdate-storm-kestrel-live-\d+: 200/);
    const started = Date.now();
    const button = page.getByRole('button', { name: '1 new update' });
    await expect(button).toBeVisible({ timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect(page.locator('.live-blog [role="status"]')).toHaveText('1 new update');
    await button.click();
    const added = page.locator(`#update-${posted}`);
    await expect(added.getByRole('heading', { name: title })).toBeVisible();
    await expect(added).toBeFocused();
    await expect(page.locator('.live-blog [role="status"]')).toHaveText('1 update added above.');
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe('same page');
    // The webhook refreshed the page itself too: a reader arriving now gets the update in the HTML.
    const fresh = await page.request.get(BLOG);
    expect(await fresh.text()).toContain(`id="update-${posted}"`);
  } finally {
    // Leave the shared site as it was for the other specs.
    if (posted) {
      removeDocuments(DATASET, [posted]);
      await sendWebhook(baseURL!, SECRET, { _id: posted, _type: 'liveUpdate', article: { _ref: 'article-storm-kestrel-live' } });
    }
  }
});

test('an update the newsroom corrects changes on an open page within 20 s, one it withdraws leaves it, and both are announced', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await page.goto(BLOG);
  await page.evaluate(() => Object.assign(window, { liveMarker: 'same page' }));
  const timeline = page.locator('.live-updates article.live-update');
  const anchorOf = async (n: number) => String(await timeline.nth(n).getAttribute('id'));
  const [untouched, corrected, withdrawn] = [await anchorOf(0), await anchorOf(1), await anchorOf(2)];
  const idOf = (anchor: string) => anchor.replace(/^update-/, '');
  // The untouched update keeps its element: nothing is redrawn that did not change.
  await page.locator(`[id="${untouched}"]`).evaluate((node) => node.setAttribute('data-mark', 'kept'));
  // Captured by id: beyond what a poll carries, it must stay.
  const older = page.locator(`[id="${await anchorOf(30)}"]`);
  await expect(older).toBeVisible();
  const restore = snapshotDataset(DATASET);
  try {
    const doc = getDocument(DATASET, idOf(corrected));
    const text = `Correction: the Lower Sarn pumps restarted at 6 pm, not 4 pm (${Date.now()}).`;
    upsertDocuments(DATASET, [
      { ...doc, body: [{ _type: 'block', _key: 'fix', style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 'fix-0', text, marks: [] }] }] },
    ]);
    removeDocuments(DATASET, [idOf(withdrawn)]);
    const started = Date.now();
    for (const _id of [idOf(corrected), idOf(withdrawn)])
      await publishWebhook(baseURL!, SECRET, { _id, _type: 'liveUpdate', article: { _ref: 'article-storm-kestrel-live' } });
    await expect(page.locator(`[id="${corrected}"]`)).toContainText(text, { timeout: 20_000 });
    await expect(page.locator(`[id="${withdrawn}"]`)).toHaveCount(0, { timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect(page.locator('.live-blog [role="status"]')).toHaveText('1 update changed, 1 update withdrawn');
    // Nothing else moved: the first update is the same element, an older one (beyond what a poll carries) stays.
    await expect(page.locator(`[id="${untouched}"]`)).toHaveAttribute('data-mark', 'kept');
    await expect(older).toBeVisible();
    await expect(page.getByRole('button', { name: /new update/ })).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe('same page');
  } finally {
    // Leave the shared site as it was for the other specs.
    restore();
    for (const _id of [idOf(corrected), idOf(withdrawn)])
      await sendWebhook(baseURL!, SECRET, { _id, _type: 'liveUpdate', article: { _ref: 'article-storm-kestrel-live' } });
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test.describe(`${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme });
      test('axe finds no WCAG 2.2 AA violation on a live blog', async ({ page }) => {
        await page.goto(BLOG);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect([...results.passes, ...results.violations, ...results.inapplicable, ...results.incomplete].map((r) => r.id)).toContain('target-size');
        expect(
          results.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 5)
                .join(', ')}`,
          ),
        ).toEqual([]);
      });
    });
  }
}

test('feedparser reads the live feed: the updates newest first, each linking to its anchor', async ({ request }) => {
  const response = await request.get(`${BLOG}/feed.xml`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  const script = 'import sys, json, feedparser; d = feedparser.parse(sys.stdin.buffer.read()); print(json.dumps([int(d.bozo), [e.link for e in d.entries]]))';
  const [bozo, links] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: await response.text(), encoding: 'utf8' })) as [number, string[]];
  expect(bozo).toBe(0);
  expect(links).toHaveLength(41);
  expect(links[0]).toBe(new URL(`${BLOG}#update-${ID(45)}`, response.url()).href);
  expect((await request.get('/articles/lake-sorrel-water-levels-reach-40-year-low/feed.xml')).status()).toBe(404);
});
