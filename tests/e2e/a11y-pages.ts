import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/*
 * What tests/e2e/a11y.spec.ts checks on every page type: axe's WCAG 2.2 AA rules (target
 * size included), with `incomplete` results (what axe could not decide, e.g. contrast over
 * an image) printed so a person can look at them.
 */

export const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

export const PAGES: [name: string, path: string][] = [
  ['home', '/'],
  ['article with a main image', SEED],
  ['article with a body image', '/articles/caspian-grid-operator-plans-solar-expansion-across-three-regions'],
  ['article with corrections', '/articles/port-aldane-raises-harbour-fees-for-first-time-in-a-decade'],
  ['Russian article', '/articles/v-verkhneozerske-otkryli-novyy-most-cherez-reku-sarnu'],
  ['live blog', '/articles/storm-kestrel-live'],
  ['ended live blog', '/articles/steppe-film-awards-live'],
  ['tag', '/tags/central-asia'],
  ['source', '/sources/caspian-state-broadcasting'],
  ['author', '/authors/dana-reyes'],
  ['search with results', '/search?q=Tokayev'],
  ['search with no results', '/search?q=zzzzqqqq'],
  ['empty search', '/search'],
  ['about', '/about'],
  ['corrections policy', '/corrections-policy'],
  ['tags', '/tags'],
  ['sources', '/sources'],
  ['404 (unknown article)', '/articles/no-such-article'],
  ['404 (no route)', '/no-such-page'],
];

export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WIDTHS = [375, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;

/**
 * The two pairings every page is checked in: a light phone and a dark desktop, so each page is
 * seen at both widths (target size, reflow) and in both schemes (contrast). The other two
 * pairings repeat those checks and run on a few representative pages only (a11y.spec.ts).
 */
export const isMainPairing = (width: number, colorScheme: string) => (width === WIDTHS[0]) === (colorScheme === SCHEMES[0]);

/** Runs axe on the page as it is; fails on any violation, prints what axe left undecided. */
export async function expectNoAxeViolations(page: Page, info: TestInfo): Promise<void> {
  // Fonts and images settled, so contrast and target sizes are measured on the real page. The
  // page's own load is enough: reader pages run no script that could fetch anything after it.
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
  // The rule set must include 2.5.8, or a passing run proves nothing about target size.
  expect([...results.passes, ...results.violations, ...results.inapplicable, ...results.incomplete].map((r) => r.id)).toContain('target-size');
  const undecided = results.incomplete.map(
    (item) =>
      `${item.id} × ${item.nodes.length} (${item.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  console.log(`axe incomplete on ${new URL(page.url()).pathname} (${info.titlePath.slice(-2).join(' › ')}): ${undecided.join('; ') || 'none'}`);
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  expect(summary).toEqual([]);
}
