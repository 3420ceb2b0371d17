import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_DATASET, SITE_BUILD } from '../helpers/builds.ts';
import { copyDataset, getDocument, upsertDocuments, type RawDocument } from '../helpers/dataset.ts';
import { ROOT, startSite, type RunningSite } from '../helpers/site.ts';
import { expectNoAxeViolations, isMainPairing, SCHEMES, WIDTHS } from './a11y-pages.ts';

/*
 * Page 2 of tag, source and author listings under axe's WCAG 2.2 AA rules. The sample has
 * fewer than a page of articles anywhere, so this starts its own server: a copy of the
 * `site` build (never the running one, whose caches other tests read) on a copy of the
 * sample dataset with 25 more articles by the same author, source and tag. Pages past the first
 * few render on first request, from that dataset.
 */
const DIST_DIR = '.next-a11y-listings';
const DATASET = path.join(ROOT, '.tmp/a11y-listings/dataset');
const LISTINGS = ['/tags/central-asia/page/2', '/sources/nextminutenews/page/2', '/authors/dana-reyes/page/2'];

function fillers(template: RawDocument): RawDocument[] {
  const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });
  return Array.from({ length: 25 }, (_, i) => {
    const slug = `a11y-filler-${String(i + 1).padStart(2, '0')}`;
    const date = new Date(Date.UTC(2026, 8, 1 + i, 9)).toISOString();
    return {
      ...template,
      _id: `article-${slug}`,
      _rev: `rev-${slug}`,
      _createdAt: date,
      _updatedAt: date,
      publishedAt: date,
      title: `Filler Report Number ${i + 1} on the Steppe Economy`,
      slug: { _type: 'slug', current: slug },
      featured: false,
      tags: [ref('tag-central-asia', 'a11ytag00001')],
      sources: [ref('source-nextminutenews', 'a11ysrc00001')],
      authors: [ref('author-dana-reyes', 'a11yaut00001')],
    };
  });
}

let site: RunningSite;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
  // The build's own cache folder (Turbopack's, hundreds of MB) is not needed to serve it.
  cpSync(path.join(ROOT, SITE_BUILD.distDir), path.join(ROOT, DIST_DIR), {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(ROOT, SITE_BUILD.distDir, 'cache')),
  });
  // The plain sample (not the build's hostile-merged copy): this page's axe run is about layout, not hostile text.
  copyDataset(SAMPLE_DATASET, DATASET);
  const template = getDocument(DATASET, 'article-northvale-rail-strike-ends-after-overnight-talks');
  upsertDocuments(DATASET, fillers(template));
  site = await startSite({ distDir: DIST_DIR, env: { ...SITE_BUILD.env, CONTENT_DATASET: DATASET } });
});

test.afterAll(async () => {
  await site?.stop();
  rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
});

for (const width of WIDTHS) {
  for (const colorScheme of SCHEMES.filter((scheme) => isMainPairing(width, scheme))) {
    test.describe(`${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme });
      for (const listing of LISTINGS) {
        test(`axe finds no WCAG 2.2 AA violation on ${listing}`, async ({ page }, info) => {
          const response = await page.goto(site.url + listing);
          expect(response?.status()).toBe(200);
          await expect(page.getByRole('link', { name: /Newer/ })).toBeVisible();
          await expectNoAxeViolations(page, info);
        });
      }
    });
  }
}
