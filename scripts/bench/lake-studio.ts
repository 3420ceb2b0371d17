import { chromium, type BrowserContext, type Page } from '@playwright/test';

/*
 * How long an editor waits for the Studio: open /studio/structure/articles, click "All
 * articles", and the clock stops when the list's first headline is visible. Sanity's cloud is
 * out of reach (https aborted at once, as offline): on the local lake the Studio must not wait
 * for it. In the editor's own browser (one context: its HTTP cache and storage kept between
 * opens) after a warm-up open, `runs` times; then once in a fresh browser, as on a first visit.
 */
export type StudioOpen = { warmMs: number[]; freshMs: number };

type Options = { studioUrl: string; firstHeadline: string; runs: number; chrome: string };

async function openList(page: Page, options: Options): Promise<number> {
  const started = performance.now();
  await page.goto(new URL('/studio/structure/articles', options.studioUrl).href, { waitUntil: 'commit' });
  await page.getByText('All articles', { exact: true }).click({ timeout: 60_000 });
  await page.getByText(options.firstHeadline).first().waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - started;
}

async function offline(context: BrowserContext): Promise<BrowserContext> {
  await context.route(/^https:\/\//, (route) => route.abort());
  return context;
}

export async function studioOpenTimes(options: Options): Promise<StudioOpen> {
  const browser = await chromium.launch({ executablePath: options.chrome, args: ['--no-sandbox', '--disable-gpu'] });
  const viewport = { width: 1400, height: 900 };
  try {
    const editor = await offline(await browser.newContext({ viewport }));
    const warmMs: number[] = [];
    for (let run = 0; run <= options.runs; run++) {
      const page = await editor.newPage();
      const ms = await openList(page, options);
      await page.close();
      if (run > 0) warmMs.push(ms);
    }
    await editor.close();
    const fresh = await offline(await browser.newContext({ viewport }));
    const freshMs = await openList(await fresh.newPage(), options);
    await fresh.close();
    return { warmMs, freshMs };
  } finally {
    await browser.close();
  }
}
