import { expect, test, type Page } from '@playwright/test';

/*
 * The live island's polling, on the built site with the browser's clock under
 * the test's control and the update endpoint answered by the test: at most
 * every 15 s, only while the tab is visible, doubling the wait while the
 * endpoint fails, and nothing moved until the reader asks for new updates;
 * updates changed or withdrawn since the page was drawn follow the answer.
 */

const BLOG = '/articles/storm-kestrel-live';
const ENDPOINT = `**${BLOG}/updates.json`;

async function setVisibility(page: Page, state: 'visible' | 'hidden') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { value, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

// An answer without the list of every update's id (as cached before it had one): the island only offers what is new.
const fresh = {
  isLive: true,
  latestAt: '2026-11-25T20:30:00.000Z',
  updates: [
    {
      _id: 'liveUpdate-test-1',
      anchor: 'update-liveUpdate-test-1',
      href: `${BLOG}#update-liveUpdate-test-1`,
      title: 'Pumps restart in Lower Sarn',
      publishedAt: '2026-11-25T20:30:00.000Z',
      timeLabel: 'Nov 25, 8:30 PM UTC',
      keyEvent: false,
      authors: [{ name: 'Dana Reyes', path: '/authors/dana-reyes' }],
      bodyHtml: '<p>The village pumps are running again.</p>',
      version: 'test-1-v1',
    },
  ],
};

test('polls every 15 s while visible, not at all while hidden, and backs off while the endpoint fails', async ({ page }) => {
  await page.clock.install();
  const calls: number[] = [];
  let failing = true;
  await page.route(ENDPOINT, async (route) => {
    calls.push(Date.now());
    await (failing ? route.fulfill({ status: 503, body: 'down' }) : route.fulfill({ json: fresh }));
  });
  await page.goto(BLOG);
  const island = page.locator('#live-island');
  // Each step waits until the island has handled the last answer and set its next wait.
  const after = async (polls: number, wait: string) => {
    await expect(island).toHaveAttribute('data-polls', String(polls));
    await expect(island).toHaveAttribute('data-wait', wait);
  };
  await after(0, '15000');
  await page.clock.runFor(14_000);
  expect(calls).toHaveLength(0);
  await page.clock.runFor(1_500);
  // Failed: the next try waits 30 s, then 60 s.
  await after(1, '30000');
  await page.clock.runFor(29_000);
  expect(calls).toHaveLength(1);
  await page.clock.runFor(1_500);
  await after(2, '60000');
  await page.clock.runFor(58_000);
  expect(calls).toHaveLength(2);
  await page.clock.runFor(2_500);
  await after(3, '120000');

  // A hidden tab is not polled at all.
  failing = false;
  await setVisibility(page, 'hidden');
  await page.clock.runFor(600_000);
  expect(calls).toHaveLength(3);
  // Back in view after longer than the wait: it asks at once, and the page has not moved.
  const before = await page.locator('article.live-update').first().boundingBox();
  await setVisibility(page, 'visible');
  await after(4, '15000');
  const button = page.getByRole('button', { name: '1 new update' });
  await expect(button).toBeVisible();
  expect(await page.locator('article.live-update').first().boundingBox()).toEqual(before);
  // Success resets the wait to 15 s.
  await page.clock.runFor(15_500);
  await after(5, '15000');
  expect(calls).toHaveLength(5);
  await button.click();
  await expect(page.locator('#update-liveUpdate-test-1').getByRole('heading', { name: 'Pumps restart in Lower Sarn' })).toBeVisible();
  await expect(page.locator('#update-liveUpdate-test-1')).toBeFocused();
});

test('an ended blog stops the polling and says so', async ({ page }) => {
  await page.clock.install();
  let calls = 0;
  await page.route(ENDPOINT, (route) => {
    calls += 1;
    return route.fulfill({ json: { ...fresh, isLive: false, updates: [] } });
  });
  await page.goto(BLOG);
  await page.clock.runFor(15_500);
  await expect(page.locator('#live-island')).toHaveAttribute('data-wait', 'stopped');
  expect(calls).toBe(1);
  await expect(page.locator('.live-blog [role="status"]')).toHaveText('This live blog has ended.');
  await page.clock.runFor(120_000);
  expect(calls).toBe(1);
});

type Update = (typeof fresh.updates)[number] & { pinned?: boolean };
type RealAnswer = Omit<typeof fresh, 'updates'> & { at: string; ids: string[]; pinned: Update[]; updates: Update[] };
// A cached answer read before the page was: the island must not act on it.
const STALE = '2000-01-01T00:00:00.000Z';
// Newer than any page the test opens, however recently the site re-rendered it.
const NEW = '2999-01-01T00:00:00.000Z';
const idOf = (update: { anchor: string }) => update.anchor.replace(/^update-/, '');

test('an update changed since the page was drawn is redrawn in place, a withdrawn one leaves, the rest stay as they are', async ({ page }) => {
  await page.clock.install();
  const real = (await (await page.request.get(`${BLOG}/updates.json`)).json()) as RealAnswer;
  const [first, changed, gone, ...rest] = real.updates;
  const [pin] = real.pinned;
  let answer: RealAnswer = {
    ...real,
    at: STALE,
    pinned: [{ ...pin!, bodyHtml: '<p>Helplines now open all night.</p>', version: 'pin-changed' }],
    ids: real.ids.filter((id) => id !== idOf(gone!)),
    updates: [
      first!,
      { ...changed!, title: 'Pumps restart after all', bodyHtml: '<p>Corrected: the pumps restarted at 6 pm.</p>', version: 'changed' },
      ...rest,
    ],
  };
  await page.route(ENDPOINT, (route) => route.fulfill({ json: answer }));
  await page.goto(BLOG);
  const update = (anchor: string) => page.locator(`[id="${anchor}"]`);
  await update(first!.anchor).evaluate((node) => node.setAttribute('data-mark', 'kept'));
  await expect(update(gone!.anchor)).toBeVisible();
  await update(changed!.anchor).getByRole('link', { name: 'Link to this update' }).focus();
  const older = String(await page.locator('.live-updates article.live-update').nth(30).getAttribute('id'));

  // Older than the page (a cache lagging behind): nothing happens.
  await page.clock.runFor(15_500);
  await expect(page.locator('#live-island')).toHaveAttribute('data-polls', '1');
  await expect(update(gone!.anchor)).toBeVisible();
  await expect(update(changed!.anchor)).not.toContainText('Corrected');
  await expect(page.locator('.live-blog [role="status"]')).toHaveText('');

  answer = { ...answer, at: NEW };
  await page.clock.runFor(15_500);
  await expect(page.locator('#live-island')).toHaveAttribute('data-polls', '2');
  await expect(update(changed!.anchor).getByRole('heading', { name: 'Pumps restart after all' })).toBeVisible();
  await expect(update(changed!.anchor)).toContainText('Corrected: the pumps restarted at 6 pm.');
  await expect(update(changed!.anchor)).toBeFocused();
  await expect(update(gone!.anchor)).toHaveCount(0);
  // The pinned update, changed too, stays pinned.
  await expect(update(pin!.anchor)).toContainText('Helplines now open all night.');
  await expect(update(pin!.anchor).getByText('Pinned', { exact: true })).toBeVisible();
  await expect(page.locator('.live-blog [role="status"]')).toHaveText('2 updates changed, 1 update withdrawn');
  await expect(update(first!.anchor)).toHaveAttribute('data-mark', 'kept');
  // Updates older than any the answer carries in full are listed by id, so not taken for withdrawn.
  await expect(update(older)).toBeVisible();
  await expect(page.locator('.live-updates article.live-update')).toHaveCount(39);

  // The same answer again changes nothing more.
  await page.clock.runFor(15_500);
  await expect(page.locator('#live-island')).toHaveAttribute('data-polls', '3');
  await expect(page.locator('.live-blog [role="status"]')).toHaveText('2 updates changed, 1 update withdrawn');
  await expect(page.locator('.live-updates article.live-update')).toHaveCount(39);
});

test('the key events list follows a changed update at once, and a new key event when the reader shows it', async ({ page }) => {
  await page.clock.install();
  type KeyEvent = { href: string; label: string; publishedAt: string; timeLabel: string };
  type Answer = RealAnswer & { keyEvents: KeyEvent[] };
  const real = { ...((await (await page.request.get(`${BLOG}/updates.json`)).json()) as Answer), at: NEW };
  const [first, ...rest] = real.updates;
  const flagged = { ...first!, keyEvent: true, title: 'Flood barrier holds at Lower Sarn', version: 'flagged' };
  const keyOf = (update: typeof flagged): KeyEvent => ({
    href: update.href,
    label: update.title,
    publishedAt: update.publishedAt,
    timeLabel: update.timeLabel,
  });
  const later = { ...fresh.updates[0]!, keyEvent: true, title: 'Evacuation order lifted' };
  let answer: Answer = { ...real, updates: [flagged, ...rest], keyEvents: [keyOf(flagged), ...real.keyEvents] };
  await page.route(ENDPOINT, (route) => route.fulfill({ json: answer }));
  await page.goto(BLOG);
  const keyEvents = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
  await expect(keyEvents).toHaveCount(real.keyEvents.length);

  // An update flagged as a key event since the page was drawn: redrawn, and listed at once.
  await page.clock.runFor(15_500);
  await expect(page.locator(`[id="${first!.anchor}"]`).getByText('Key event')).toBeVisible();
  await expect(keyEvents).toHaveCount(real.keyEvents.length + 1);
  await expect(keyEvents.first()).toHaveText(`${first!.timeLabel} Flood barrier holds at Lower Sarn`);
  await expect(keyEvents.first()).toHaveAttribute('href', first!.href);

  // A new update that is a key event: the list waits, like the update, for the reader to show it.
  answer = { ...answer, ids: [idOf(later), ...answer.ids], updates: [later, ...answer.updates], keyEvents: [keyOf(later), ...answer.keyEvents] };
  await page.clock.runFor(15_500);
  const button = page.getByRole('button', { name: '1 new update' });
  await expect(button).toBeVisible();
  await expect(keyEvents).toHaveCount(real.keyEvents.length + 1);
  await button.click();
  await expect(keyEvents).toHaveCount(real.keyEvents.length + 2);
  await expect(keyEvents.first()).toHaveText(`${later.timeLabel} Evacuation order lifted`);
});

test('a new update withdrawn before or after the reader shows it leaves, and comes back as new if published again', async ({ page }) => {
  await page.clock.install();
  const real = (await (await page.request.get(`${BLOG}/updates.json`)).json()) as RealAnswer;
  const late = { ...fresh.updates[0]!, pinned: false };
  const withLate: RealAnswer = { ...real, at: NEW, ids: [idOf(late), ...real.ids], updates: [late, ...real.updates] };
  const withoutLate: RealAnswer = { ...real, at: NEW };
  let answer = withLate;
  await page.route(ENDPOINT, (route) => route.fulfill({ json: answer }));
  await page.goto(BLOG);
  const island = page.locator('#live-island');
  const button = page.getByRole('button', { name: /new update/ });
  const status = page.locator('.live-blog [role="status"]');
  const poll = async (n: number) => {
    await page.clock.runFor(15_500);
    await expect(island).toHaveAttribute('data-polls', String(n));
  };

  await poll(1);
  await expect(button).toHaveText('1 new update');
  // Withdrawn while still behind the button: the offer goes.
  answer = withoutLate;
  await poll(2);
  await expect(button).toBeHidden();
  // Published again: offered again, shown on request.
  answer = withLate;
  await poll(3);
  await expect(button).toHaveText('1 new update');
  await button.click();
  await expect(page.locator(`[id="${late.anchor}"]`)).toBeFocused();
  // Withdrawn once shown: it leaves, focus goes to its neighbour, the reader is told.
  answer = withoutLate;
  await poll(4);
  await expect(page.locator(`[id="${late.anchor}"]`)).toHaveCount(0);
  await expect(status).toHaveText('1 update withdrawn');
  await expect(page.locator('article.live-update:focus')).toHaveCount(1);
  // And back once more as a new update.
  answer = withLate;
  await poll(5);
  await expect(button).toHaveText('1 new update');
});
