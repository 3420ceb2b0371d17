import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { SITE_BUILD } from '../helpers/builds.ts';
import { ROOT } from '../helpers/site.ts';
import { PAGES } from './a11y-pages.ts';

/*
 * Readers' pages load Next.js's own JavaScript and nothing of ours (at most 5 kB above a bare
 * Next.js page: every byte is on a phone's critical path). A client component or an error
 * boundary (error.tsx, global-error.tsx) puts a chunk of its own on every page, requested before
 * the first paint on a phone and counted by Lighthouse against it; Next's built-in global error,
 * already in its layout chunk, is what readers get instead (docs/decisions/0009-readers-on-a-phone.md).
 * The Studio's page is not a reader's page.
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

test('every page type loads only the framework chunks', async ({ request }) => {
  const build = JSON.parse(readFileSync(path.join(DIST, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const framework = new Set([...build.rootMainFiles, ...build.polyfillFiles].map((file) => `/_next/${file}`));
  for (const [, manifest] of readerManifests()) {
    for (const [entry, chunks] of Object.entries(manifest.entryJSFiles)) {
      if (isFrameworkEntry(entry)) for (const chunk of chunks) framework.add(`/_next/${chunk}`);
    }
  }
  for (const [name, pagePath] of PAGES) {
    const html = await (await request.get(pagePath)).text();
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/gu)].map((match) => match[1]!);
    expect(scripts.length, name).toBeGreaterThan(3);
    expect(
      scripts.filter((src) => !framework.has(src)),
      name,
    ).toEqual([]);
    // At most the bare page's five chunks, its polyfills and the layout runtime: nothing per page.
    expect(new Set(scripts).size, name).toBeLessThanOrEqual(build.rootMainFiles.length + build.polyfillFiles.length + 1);
  }
});
