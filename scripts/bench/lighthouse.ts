import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchSection } from './context.ts';
import { writeBareApp } from './js-size.ts';
import { kb, median, ms } from './table.ts';
import { lcpImage, type LcpImage } from './lcp-image.ts';
import { sleep } from './proc.ts';

/*
 * Lighthouse 13, mobile (its default: a throttled mid-range phone), five runs per page; the
 * reported run is Lighthouse's own median run (nearest the median FCP and TTI). Home, the
 * seed article and a tag page, next to a bare Next.js page built from the same `next` and
 * served in the same run, so a slow machine slows both. Chromium is Debian's.
 */
const BARE_PORT = 3355;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SEED = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const PAGES = { home: '/', article: SEED, tag: '/tags/central-asia' } as const;

type Scores = { performance: number; accessibility: number; bestPractices: number; seo: number };
export type PageFigures = Scores & {
  runs: number;
  performanceRuns: number[];
  lcpMs: number;
  cls: number;
  tbtMs: number;
  scriptBytes: number;
  scripts: number;
  failed: string[];
};
type LighthouseResults = { pages: Record<string, PageFigures>; lcpImage: LcpImage | string };

type Lhr = {
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number; requestCount?: number }[] } }
  >;
};

function runLighthouse(url: string, outFile: string, root: string): Promise<Lhr> {
  const cli = path.join(root, 'node_modules/lighthouse/cli/index.js');
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
  ];
  return new Promise((resolve, reject) => {
    // Lighthouse 13 needs Node ≥ 22.19: the project's own node, not the machine's.
    const child = spawn(path.join(root, 'node_modules/.bin/node'), args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-3000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url} exited ${code}: ${stderr}`));
      resolve(JSON.parse(readFileSync(outFile, 'utf8')) as Lhr);
    });
  });
}

const numeric = (lhr: Lhr, audit: string) => lhr.audits[audit]?.numericValue ?? NaN;
const score = (lhr: Lhr, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** Lighthouse's median run: the one nearest the median FCP and TTI (core/lib/median-run.js). */
function medianRun(runs: Lhr[]): Lhr {
  const fcp = median(runs.map((r) => numeric(r, 'first-contentful-paint')));
  const tti = median(runs.map((r) => numeric(r, 'interactive')));
  const distance = (r: Lhr) => (fcp - numeric(r, 'first-contentful-paint')) ** 2 + (tti - numeric(r, 'interactive')) ** 2;
  return [...runs].sort((a, b) => distance(a) - distance(b) || numeric(a, 'interactive') - numeric(b, 'interactive'))[0]!;
}

function figures(runs: Lhr[]): PageFigures {
  const lhr = medianRun(runs);
  const script = lhr.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script');
  // Audits that failed in the median run (score below 1), so the table says what cost points.
  const failed = Object.entries(lhr.audits)
    .filter(
      ([id, audit]) =>
        audit.score !== null &&
        audit.score < 0.9 &&
        ![
          'first-contentful-paint',
          'largest-contentful-paint',
          'speed-index',
          'interactive',
          'total-blocking-time',
          'max-potential-fid',
          'cumulative-layout-shift',
        ].includes(id),
    )
    .map(([id]) => id);
  return {
    runs: runs.length,
    performanceRuns: runs.map((r) => score(r, 'performance')),
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    scriptBytes: script?.transferSize ?? 0,
    scripts: script?.requestCount ?? 0,
    failed,
  };
}

/**
 * Waits until the page is fresh in Next's cache. Our pages regenerate a minute after they were
 * made (ISR), in the background of the first request that finds them stale: when that request is
 * Lighthouse's own, the server re-renders on the same two cores while Chromium paints, a cost the
 * static bare page never pays and a phone never sees (the server is elsewhere; in production the
 * edge answers). So each run starts with the page regenerated, as the edge would hold it.
 */
async function fresh(url: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.headers.get('x-nextjs-cache') !== 'STALE') return;
    await sleep(500);
  }
  console.warn(`bench: ${url} still stale after 10 s; measuring it as it is`);
}

export async function audit(name: string, url: string, dir: string, root: string): Promise<PageFigures> {
  const runs: Lhr[] = [];
  for (let i = 0; i < RUNS; i++) {
    console.log(`bench: lighthouse ${name} run ${i + 1}/${RUNS}`);
    await fresh(url);
    runs.push(await runLighthouse(url, path.join(dir, `${name}-${i + 1}.json`), root));
  }
  return figures(runs);
}

export const lighthouseSection: BenchSection<LighthouseResults> = {
  key: 'lighthouse',
  async run(ctx) {
    const bareDir = path.join(ctx.work, 'bare-next');
    writeBareApp(ctx.root, bareDir);
    await ctx.build('a bare Next.js app', bareDir, '.next', ctx.baseEnv({}), 0);
    const next = await ctx.sampleSite();
    const bare = await ctx.startNext(bareDir, '.next', BARE_PORT, ctx.baseEnv({}));
    const dir = path.join(ctx.work, 'lighthouse');
    mkdirSync(dir, { recursive: true });
    const pages: Record<string, PageFigures> = { bareNext: await audit('bare', bare.url + '/', dir, ctx.root) };
    for (const [name, pagePath] of Object.entries(PAGES)) pages[name] = await audit(name, next.url + pagePath, dir, ctx.root);
    await bare.stop();
    let image: LcpImage | string;
    try {
      image = await lcpImage(next.url + '/', CHROME);
    } catch (error) {
      image = `not measured: ${(error as Error).message}`;
    }
    return { pages, lcpImage: image };
  },
  rows(r) {
    const row = (name: string, label: string): [string, string] => {
      const p = r.pages[name];
      if (!p) return [`Lighthouse mobile: ${label}`, 'not measured'];
      const scores = `performance ${p.performance} (runs ${p.performanceRuns.join(', ')}) · accessibility ${p.accessibility} · best practices ${p.bestPractices} · SEO ${p.seo}`;
      const metrics = `LCP ${ms(p.lcpMs)} ms · CLS ${p.cls.toFixed(3)} · TBT ${ms(p.tbtMs)} ms · JS ${kb(p.scriptBytes)} in ${p.scripts} scripts`;
      return [`Lighthouse mobile (median of ${p.runs}): ${label}`, `${scores} · ${metrics}${p.failed.length ? ` · below 90: ${p.failed.join(', ')}` : ''}`];
    };
    const image =
      typeof r.lcpImage === 'string' ? r.lcpImage : `${kb(r.lcpImage.bytes)} ${r.lcpImage.contentType}, ${r.lcpImage.width} px wide (${r.lcpImage.url})`;
    return [
      row('bareNext', 'bare Next.js page (same `next`)'),
      row('home', 'home'),
      row('article', 'seed article'),
      row('tag', 'tag page'),
      ['LCP image of home on a 375-px phone (DPR 2)', image],
    ];
  },
};
