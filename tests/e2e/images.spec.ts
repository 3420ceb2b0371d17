import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { INLINE_MAX_BYTES } from '../../lib/images/inline-image.ts';
import { DATASET, freshArticle, publish, restore, snapshotDataset } from './site-dataset.ts';

/*
 * Readers on a phone: the lead image of a page is the first thing fetched, at the width
 * the screen needs and in a modern format; every other image waits; nothing shifts;
 * nothing the page asks for is missing.
 */

const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const BODY_IMAGE = '/articles/caspian-grid-operator-plans-solar-expansion-across-three-regions';

type ImageAttributes = { loading: string | null; fetchpriority: string | null; width: number; height: number; srcset: string | null };

function images(page: Page): Promise<ImageAttributes[]> {
  return page.locator('main img').evaluateAll((elements) =>
    elements.map((img) => ({
      loading: img.getAttribute('loading'),
      fetchpriority: img.getAttribute('fetchpriority'),
      width: Number(img.getAttribute('width')),
      height: Number(img.getAttribute('height')),
      srcset: img.getAttribute('srcset'),
    })),
  );
}

// Home (in its top stories) and the tag page each show the sample's two articles with pictures.
for (const [name, path, count] of [
  ['home', '/', 2],
  ['tag', '/tags/central-asia', 2],
] as const) {
  test(`the ${name} page fetches its first card's picture first and the others lazily`, async ({ page }) => {
    await page.goto(path);
    const all = await images(page);
    expect(all).toHaveLength(count);
    expect(all[0]).toMatchObject({ loading: 'eager', fetchpriority: 'high' });
    expect(all.slice(1).map((image) => [image.loading, image.fetchpriority])).toEqual(Array(count - 1).fill(['lazy', null]));
    const preload = page.locator('head link[rel="preload"][as="image"]');
    await expect(preload).toHaveCount(1);
    await expect(preload).toHaveAttribute('fetchpriority', 'high');
    expect(await preload.getAttribute('imagesrcset')).toBe(all[0]!.srcset);
    // A phone has the picture inside the page (below); only a wider screen fetches it.
    await expect(preload).toHaveAttribute('media', '(width >= 40rem)');
  });
}

test('on a wide screen the lead picture is fetched at the width the layout needs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/', { waitUntil: 'networkidle' });
  const currentSrc = await page
    .locator('main img')
    .first()
    .evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(currentSrc).toMatch(/\/media\/[0-9a-f]{40}-1200x675\.png\?w=\d+$/);
});

test('an article preloads its main image and leaves images in its body lazy', async ({ page }) => {
  await page.goto(SEED);
  expect(await images(page)).toMatchObject([{ loading: 'eager', fetchpriority: 'high' }]);
  await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveCount(1);
  await page.goto(BODY_IMAGE);
  expect(await images(page)).toMatchObject([{ loading: 'lazy', fetchpriority: null }]);
  await expect(page.locator('head link[rel="preload"][as="image"]')).toHaveCount(0);
});

test('every image states its size, so nothing moves when it arrives', async ({ page }) => {
  for (const path of ['/', SEED, BODY_IMAGE, '/tags/central-asia']) {
    await page.goto(path);
    const all = await images(page);
    expect(all.length, path).toBeGreaterThan(0);
    expect(
      all.filter((image) => !(image.width > 0 && image.height > 0)),
      path,
    ).toEqual([]);
  }
});

test.describe('on a 375-px phone', () => {
  // Not Playwright's isMobile: its emulation makes Chromium's preload scanner size the preload for a
  // 980-px layout viewport, which Chrome on a phone (and Lighthouse's emulation) does not.
  test.use({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });

  test('home’s lead picture comes inside the page as AVIF at the width the screen needs, under 60 KB, with no request', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'image') requested.push(request.url());
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    const lead = page.locator('main img').first();
    const currentSrc = await lead.evaluate((img: HTMLImageElement) => img.currentSrc);
    // The sample's pictures are small: the phone-width AVIF travels in the page (lib/images/inline-image.ts).
    expect(currentSrc).toMatch(/^data:image\/avif;base64,/);
    const body = Buffer.from(currentSrc.split(',')[1]!, 'base64');
    // 343 CSS px of card at twice the density: the 750-px variant, not the 1200-px original.
    expect((await sharp(body).metadata()).width).toBe(750);
    expect(body.length).toBeLessThan(60_000);
    expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(750);
    // Neither the preload (wide screens only) nor the <img> asks the network for it.
    const file = (await lead.getAttribute('src'))!.replace(/\?.*/, '');
    expect(requested.filter((url) => url.includes(file))).toEqual([]);
  });

  test('a lead photograph too large to come inside the page is the first image fetched, as AVIF at the width the screen needs', async ({ page, baseURL }) => {
    // A photograph's worth of detail (noise): its 750-px AVIF is far over the inline budget.
    const name = `${'f0'.repeat(20)}-1200x675.png`;
    const file = path.join(DATASET, 'images', name);
    const noise = Buffer.alloc(1200 * 675 * 3, 0).map((_, i) => (i * 7919 + ((i * i) % 251)) % 256);
    await sharp(noise, { raw: { width: 1200, height: 675, channels: 3 } })
      .png()
      .toFile(file);
    const article = freshArticle('article-e2e-large-lead-photo', 'A Large Lead Photograph', {
      mainImage: { _type: 'image', _sanityAsset: `image@file://./images/${name}`, alt: 'Grain of a large photograph.' },
    });
    const putBack = snapshotDataset(DATASET);
    try {
      await publish(baseURL!, [article]);
      const images: { url: string; type: string }[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'image') images.push({ url: response.url(), type: response.headers()['content-type'] ?? '' });
      });
      await page.goto('/articles/e2e-large-lead-photo', { waitUntil: 'networkidle' });
      const lead = page.locator('main img').first();
      const currentSrc = await lead.evaluate((img: HTMLImageElement) => img.currentSrc);
      // 375 CSS px of picture at twice the density: the 750-px variant, shown.
      expect(currentSrc).toMatch(new RegExp(`/media/${name.replace('.', '\\.')}\\?w=750$`));
      expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(images[0]).toEqual({ url: currentSrc, type: 'image/avif' });
      const bytes = Buffer.from(await (await page.request.get(currentSrc, { headers: { accept: 'image/avif,image/webp,*/*' } })).body());
      expect(bytes.length).toBeGreaterThan(INLINE_MAX_BYTES);
      expect((await sharp(bytes).metadata()).width).toBe(750);
    } finally {
      await restore(baseURL!, putBack, [article]);
      rmSync(file, { force: true });
    }
  });

  for (const path of ['/', SEED, BODY_IMAGE, '/tags/central-asia', '/search?q=lake']) {
    test(`nothing on ${path} shifts while it loads, and it downloads no font`, async ({ page }) => {
      // The reader's own fonts (decision 0009): no font file to wait for, none to swap in later.
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'font') fonts.push(request.url());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      // Scroll through, so lazy images arrive too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      await page.waitForLoadState('networkidle');
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      };
      const { shift, moved } = await page.evaluate(
        () =>
          new Promise<{ shift: number; moved: string[] }>((resolve) => {
            let total = 0;
            const moved: string[] = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Shift[]) {
                if (entry.hadRecentInput) continue;
                total += entry.value;
                // What moved, so a failure names it: element, class, and its box before → after.
                for (const source of entry.sources ?? []) {
                  const node = source.node as Element | undefined;
                  const box = (rect: DOMRectReadOnly) => `${Math.round(rect.y)}+${Math.round(rect.height)}`;
                  moved.push(
                    `${node?.nodeName ?? '?'}.${node?.className ?? ''} at scrollY ${Math.round(window.scrollY)}: ${box(source.previousRect)} → ${box(source.currentRect)}`,
                  );
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve({ shift: total, moved }), 200);
          }),
      );
      expect(shift, moved.join('; ')).toBe(0);
      expect(fonts).toEqual([]);
    });
  }
});

test('no page asks for anything that is missing: no 404 and no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') problems.push(`${response.status()} ${response.url()}`);
  });
  for (const path of ['/', SEED, BODY_IMAGE, '/tags/central-asia', '/sources', '/search?q=lake', '/about']) {
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  // The icons and manifest the pages link to are there too.
  for (const href of await page
    .locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))) {
    const response = await page.request.get(href);
    if (!response.ok()) problems.push(`${response.status()} ${href}`);
  }
  expect(problems).toEqual([]);
  await expect(page.locator('head link[rel="manifest"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="icon"]')).not.toHaveCount(0);
});

test('the web app manifest names the site and its light and dark colours', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({
    name: 'NextMinuteNews',
    start_url: '/',
    background_color: '#fbfaf7',
    theme_color: '#fbfaf7',
    user_preferences: { color_scheme: { dark: { theme_color: '#141414', background_color: '#141414' } } },
  });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.headers()['content-type'], icon.src).toBe(icon.type);
  }
  expect((await request.get('/favicon.ico')).headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
});
