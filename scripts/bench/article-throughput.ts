import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get, warm, type BenchSection } from './context.ts';
import { ensureDebianCommand, runWrk, type LoadResult } from './load.ts';
import { startStaticNginx } from './nginx.ts';
import { writeBareApp } from './js-size.ts';
import { int, median, served } from './table.ts';

/*
 * The origin: one cached article (an ISR hit) from `next start`, against a bare Next.js page
 * built from the same `next` and served in the same run (the goal: at least half its rate,
 * issue 21), and the same HTML as an nginx static file (the ceiling). Through the edge:
 * scripts/bench/edge.ts.
 *
 * This machine's two cores are shared and their speed drifts between runs, so the article and
 * the bare page are measured in alternating rounds, and the ratio reported is the median of the
 * rounds' ratios. Each round also reads the server's CPU time (/proc), whose cost per request is
 * steadier than a rate.
 */
type Round = { article: LoadResult; bare: LoadResult; articleCpuUs: number; bareCpuUs: number };
type Article = { next?: LoadResult; nginxStatic?: LoadResult | string; rounds?: Round[]; htmlBytes?: number; bareHtmlBytes?: number };

const PORTS = { staticNginx: 3132, bare: 3133 };
const ROUNDS = Number(process.env.BENCH_ORIGIN_ROUNDS ?? 5);

/** User + system CPU time of a process so far, in microseconds. */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat; after the command name they are 12th and 13th.
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
}

function measured(url: string, pagePath: string, pid: number, options: Parameters<typeof runWrk>[2]): { load: LoadResult; cpuUs: number } {
  const before = cpuMicros(pid);
  const load = runWrk(url, [pagePath], options);
  return { load, cpuUs: (cpuMicros(pid) - before) / Math.max(1, load.requests) };
}

export const articleThroughputSection: BenchSection<Article> = {
  key: 'article',
  async run(ctx) {
    if (!ensureDebianCommand('wrk')) throw new Error('wrk is missing and could not be installed with apt-get');
    const bareDir = path.join(ctx.work, 'bare-next');
    writeBareApp(ctx.root, bareDir);
    await ctx.build('a bare Next.js app', bareDir, '.next', ctx.baseEnv({}), 0);
    const next = await ctx.sampleSite();
    const bare = await ctx.startNext(bareDir, '.next', PORTS.bare, ctx.baseEnv({}));
    const ARTICLE = ctx.article.path;
    const html = await get(next.url + ARTICLE);
    const bareHtml = await get(bare.url + '/');
    const options = { seconds: Math.max(3, Math.round(ctx.options.runSeconds / 2)), connections: 32, workDir: ctx.work };
    // Both warmed (JIT, caches) before the first round counts.
    await warm(next.url, [ARTICLE]);
    runWrk(next.url, [ARTICLE], { ...options, seconds: 3 });
    runWrk(bare.url, ['/'], { ...options, seconds: 3 });

    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`bench: origin round ${round}/${ROUNDS}: the article from next start, then the bare page`);
      const article = measured(next.url, ARTICLE, next.pid, options);
      const bareRun = measured(bare.url, '/', bare.pid, options);
      rounds.push({ article: article.load, bare: bareRun.load, articleCpuUs: article.cpuUs, bareCpuUs: bareRun.cpuUs });
    }
    await bare.stop();
    const result: Article = { next: rounds.at(-1)!.article, rounds, htmlBytes: Buffer.byteLength(html), bareHtmlBytes: Buffer.byteLength(bareHtml) };
    if (!ensureDebianCommand('nginx')) return { ...result, nginxStatic: 'not available: nginx could not be installed' };
    const staticNginx = ctx.track(await startStaticNginx(path.join(ctx.work, 'nginx-static'), PORTS.staticNginx, html));
    console.log('bench: the same HTML from nginx as a static file');
    result.nginxStatic = runWrk(staticNginx.url, ['/article'], options);
    await staticNginx.stop();
    return result;
  },
  rows(a) {
    const rounds = a.rounds ?? [];
    if (rounds.length === 0) return [['Article page, `next start`', served(a.next, a.nginxStatic)]];
    const ratios = rounds.map((round) => round.article.requestsPerSecond / round.bare.requestsPerSecond);
    const cpuRatios = rounds.map((round) => round.bareCpuUs / round.articleCpuUs);
    const rates = (pick: (round: Round) => LoadResult) => rounds.map((round) => int(pick(round).requestsPerSecond)).join(', ');
    return [
      [
        'Origin: cached article ÷ bare Next.js page, same `next`, same run (goal ≥ 0.5)',
        `**${median(ratios).toFixed(2)}×** (median of ${rounds.length} paired rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}) · ` +
          `CPU per request ${int(median(rounds.map((r) => r.articleCpuUs)))} µs against ${int(median(rounds.map((r) => r.bareCpuUs)))} µs (${median(cpuRatios).toFixed(2)}×)`,
      ],
      [
        'Origin: requests per second, article · bare page',
        `article ${rates((round) => round.article)} (${((a.htmlBytes ?? 0) / 1024).toFixed(1)} kB of HTML) · bare ${rates((round) => round.bare)} (${((a.bareHtmlBytes ?? 0) / 1024).toFixed(1)} kB) · 32 connections`,
      ],
      ['Article page, `next start` (last round) against nginx', served(a.next, a.nginxStatic)],
      ['Same HTML, nginx static file', served(a.nginxStatic)],
    ];
  },
};
