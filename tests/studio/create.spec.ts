import sharp from 'sharp';
import { expect, studioTest } from './fixture.ts';
import { addReference, field, group, hoursFromNow, openStudio, publish, setDateTime, writeBody } from './studio.ts';

/*
 * An article written from nothing in the Studio (every kind of field, a picture uploaded to the
 * lake) and published: the lake's webhook refreshes the site, and a reader finds it on its page,
 * on home, on its tag page, in the feed and in the sitemap.
 */
const test = studioTest('create');

const HEADLINE = 'Ferry Link Opens Between Aldane and Port Sarn';
const SLUG = 'ferry-link-opens-between-aldane-and-port-sarn';
const STANDFIRST = 'A new ferry cuts the crossing to forty minutes.';
const ALT = 'The new ferry at the Aldane pier';
const BODY = {
  heading: 'Timetable',
  items: ['Three sailings a day', 'Bikes travel free'],
  paragraph: 'Tickets are sold online',
  href: 'https://ferries.example/tickets',
};

test('an article created and published in the Studio reaches its page, home, its tag page, the feed and the sitemap', async ({ page, openWindow }) => {
  test.setTimeout(180_000);
  const picture = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();

  await openStudio(page, '/articles;articles-all');
  await page.getByRole('link', { name: 'Article', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New Article' })).toBeVisible();
  await field(page, 'Headline').fill(HEADLINE);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(field(page, 'Slug')).toHaveValue(SLUG);
  await field(page, 'Standfirst').fill(STANDFIRST);
  await setDateTime(page, 'Published at', hoursFromNow(-1));
  await group(page, 'Main image').getByRole('button', { name: 'Upload' }).setInputFiles({ name: 'ferry.png', mimeType: 'image/png', buffer: picture });
  await expect(group(page, 'Main image').getByRole('img').first()).toBeVisible();
  await field(page, 'Alt text').fill(ALT);
  await writeBody(page, BODY);
  await addReference(page, 'Tags', 'Climate', /^Climate/);
  await addReference(page, 'Sources', 'Harbour', /^The Harbour Ledger/);
  await addReference(page, 'Authors', 'Dana', /^Dana Reyes/);
  await publish(page);

  const reader = await (await openWindow()).newPage();
  await expect(async () => {
    await reader.goto(`/articles/${SLUG}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const article = reader.getByRole('article').first();
  await expect(article.getByText(STANDFIRST)).toBeVisible();
  await expect(article.getByRole('heading', { level: 2, name: BODY.heading })).toBeVisible();
  for (const item of BODY.items) await expect(article.getByRole('listitem').filter({ hasText: item })).toBeVisible();
  await expect(article.getByRole('link', { name: 'online', exact: true })).toHaveAttribute('href', BODY.href);
  await expect(article.getByRole('link', { name: 'Dana Reyes' })).toBeVisible();
  const image = article.getByRole('img', { name: ALT });
  await expect(image).toBeVisible();
  // The picture came back from the lake's upload through the site's /media: decoded, not a broken icon.
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  for (const path of ['/', '/tags/climate']) {
    await expect(async () => {
      await reader.goto(path);
      await expect(reader.getByRole('link', { name: HEADLINE }).first()).toBeVisible({ timeout: 1_000 });
    }, path).toPass({ timeout: 30_000 });
  }
  await expect(async () => {
    const feed = await (await reader.request.get('/feed.xml')).text();
    expect(feed).toContain(`<![CDATA[${HEADLINE}]]>`);
    expect(feed).toContain(`/articles/${SLUG}</link>`);
  }, 'the RSS feed').toPass({ timeout: 30_000 });
  await expect(async () => {
    expect(await (await reader.request.get('/sitemap.xml')).text()).toContain(`/articles/${SLUG}</loc>`);
  }, 'the sitemap').toPass({ timeout: 30_000 });
});
