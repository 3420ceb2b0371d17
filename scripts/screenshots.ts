/**
 * Screenshots of the home page and the seed article, light and dark, at phone
 * (375 px) and desktop (1280 px) widths, into docs/screenshots/. Needs a built
 * site running (e.g. `node scripts/build-test-sites.ts site`, then `next start` with its env from tests/helpers/builds.ts):
 *
 *   node scripts/screenshots.ts [--base-url http://localhost:3101] [--out docs/screenshots]
 *
 * Uses Debian's Chromium (CHROMIUM_PATH to override): Playwright's own download is unreachable.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../tests/helpers/playwright-suite.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: SEED },
];
const widths = [375, 1280];
const schemes = ['light', 'dark'] as const;
// Long pages are cut here: the top of a page is what a screenshot is for.
const MAX_HEIGHT = 2600;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'base-url': { type: 'string', default: 'http://localhost:3101' }, out: { type: 'string', default: 'docs/screenshots' } },
  });
  const baseUrl = values['base-url'];
  const out = join(root, values.out);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    for (const colorScheme of schemes) {
      for (const width of widths) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const { name, path } of pages) {
          const response = await page.goto(new URL(path, baseUrl).toString(), { waitUntil: 'networkidle' });
          if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}: is the site running at ${baseUrl}?`);
          await page.evaluate(() => document.fonts.ready);
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const file = join(out, `${name}-${colorScheme}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
          console.log(`wrote ${file}`);
        }
        await context.close();
      }
    }
    return 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Screenshots failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
