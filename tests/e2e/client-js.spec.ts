import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { SITE_BUILD } from '../helpers/builds.ts';
import { ROOT } from '../helpers/site.ts';
import { PAGES, SEED } from './a11y-pages.ts';

/*
 * Readers' pages are server components only, so the page cache sends them without the
 * framework's client runtime and its inline payload (lib/cache-handlers/static-documents.ts,
 * docs/decisions/0012): no script of Next's, nothing to hydrate. That holds only while no reader
 * route has a client module: one would never hydrate, which the first test refuses. Search is
 * rendered per request, outside the page cache, and still carries the runtime: only the
 * framework's chunks, nothing of ours. The Studio's page is not a reader's page.
 */

const DIST = path.join(ROOT, SITE_BUILD.distDir);
const NEXT_OWN = '[project]/node_modules/next/';

type ClientManifest = { clientModules: Record<string, unknown>; entryJSFiles: Record<string, string[]> };

/** Every page's client reference manifest (`.next/server/app/**\/page_client-reference-manifest.js`), by route. */
function pageManifests(): Map<string, ClientManifest> {
  const manifests = new Map<string, ClientManifest>();
  const dir = path.join(DIST, 'server/app');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('page_client-reference-manifest.js')) continue;
    const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
    runInNewContext(readFileSync(path.join(dir, file), 'utf8'), sandbox);
    for (const [route, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) manifests.set(route, manifest);
  }
  return manifests;
}

const readerManifests = () => [...pageManifests()].filter(([route]) => !route.startsWith('/studio'));

/** The root layout's chunk (Next's layout runtime) or one of Next's own entries: the framework's. */
const isFrameworkEntry = (entry: string) => entry === '[project]/app/layout' || entry.startsWith(NEXT_OWN);

test('no reader page has a client module of our own, error boundaries included', () => {
  const manifests = readerManifests();
  expect(manifests.map(([route]) => route)).toEqual(expect.arrayContaining(['/(site)/page', '/(site)/articles/[slug]/page', '/_not-found/page']));
  for (const [route, manifest] of manifests) {
    expect(
      Object.keys(manifest.clientModules).filter((id) => !id.startsWith(NEXT_OWN)),
      route,
    ).toEqual([]);
    // The root layout's chunk holds Next's layout runtime (the modules above); nothing else has one.
    expect(
      Object.keys(manifest.entryJSFiles).filter((entry) => !isFrameworkEntry(entry)),
      route,
    ).toEqual([]);
  }
});

const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/gu)].map((match) => match[1]!);
// A made-up article's 404 is Next's error document, its content drawn by the runtime from the payload
// (vercel/next.js#62228): it has no mark in its HTML, so it keeps the runtime and still shows.
const UNKNOWN_ARTICLE = '/articles/no-such-article';
const cachedPages = PAGES.filter(([, pagePath]) => !pagePath.startsWith('/search') && pagePath !== UNKNOWN_ARTICLE);
const searchPages = PAGES.filter(([, pagePath]) => pagePath.startsWith('/search'));

test("every cached reader page arrives without the framework's scripts, payload or script preloads", async ({ request }) => {
  expect(cachedPages.length).toBeGreaterThan(10);
  for (const [name, pagePath] of cachedPages) {
    const html = await (await request.get(pagePath)).text();
    expect(html, name).toContain('<main');
    expect(scriptsOf(html), name).toEqual([]);
    expect(html, name).not.toContain('__next_f');
    expect(html, name).not.toMatch(/<link[^>]*as="script"/);
  }
});

test("a made-up article's 404, drawn by the runtime, keeps it", async ({ page }) => {
  expect(PAGES.map(([, pagePath]) => pagePath)).toContain(UNKNOWN_ARTICLE);
  const response = await page.goto(UNKNOWN_ARTICLE);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('an article weighs at most twice its <main> plus its stylesheet (it was three times its content)', async ({ request }) => {
  for (const pagePath of [SEED, '/', '/tags/central-asia']) {
    const html = await (await request.get(pagePath)).text();
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    const css = [...html.matchAll(/<style[^>]*>[\s\S]*?<\/style>/g)].reduce((sum, match) => sum + match[0].length, 0);
    expect(main.length, pagePath).toBeGreaterThan(2000);
    expect(css, pagePath).toBeGreaterThan(2000);
    expect(html.length, pagePath).toBeLessThanOrEqual(2 * main.length + css);
  }
});

test('a reader page works in the browser with no framework runtime and no console error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(SEED);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions');
  await page.getByRole('link', { name: 'Central Asia' }).first().click();
  await expect(page).toHaveURL(/\/tags\/central-asia$/);
  expect(requested.filter((pathname) => pathname.startsWith('/_next/'))).toEqual([]);
  expect(await page.evaluate(() => 'next' in window || '__next_f' in window)).toBe(false);
  expect(errors).toEqual([]);
});

test('search pages load only the framework chunks', async ({ request }) => {
  const build = JSON.parse(readFileSync(path.join(DIST, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const framework = new Set([...build.rootMainFiles, ...build.polyfillFiles].map((file) => `/_next/${file}`));
  for (const [, manifest] of readerManifests()) {
    for (const [entry, chunks] of Object.entries(manifest.entryJSFiles)) {
      if (isFrameworkEntry(entry)) for (const chunk of chunks) framework.add(`/_next/${chunk}`);
    }
  }
  expect(searchPages.length).toBe(3);
  for (const [name, pagePath] of searchPages) {
    const scripts = scriptsOf(await (await request.get(pagePath)).text());
    expect(scripts.length, name).toBeGreaterThan(3);
    expect(
      scripts.filter((src) => !framework.has(src)),
      name,
    ).toEqual([]);
    // At most the bare page's five chunks, its polyfills and the layout runtime: nothing per page.
    expect(new Set(scripts).size, name).toBeLessThanOrEqual(build.rootMainFiles.length + build.polyfillFiles.length + 1);
  }
});
