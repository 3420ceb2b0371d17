import { get, warm, type BenchSection } from './context.ts';
import { ensureDebianCommand, runWrk, type LoadResult } from './load.ts';
import { treeRss } from './proc.ts';
import { int, ms } from './table.ts';

/* A mixed load run over home, the articles it links and the feeds, with the server's memory before and after. */
type MixedLoad = LoadResult & { paths: number; connections: number; rssBeforeMb: number; rssAfterMb: number };
const CONNECTIONS = 64;
const articleLinks = (html: string) => [...html.matchAll(/href="(\/articles\/[^"#?]+)"/g)].map((m) => m[1]!);

export const mixedLoadSection: BenchSection<MixedLoad> = {
  key: 'load',
  async run(ctx) {
    if (!ensureDebianCommand('wrk')) throw new Error('wrk is missing and could not be installed with apt-get');
    const next = await ctx.sampleSite();
    console.log(`bench: mixed load, ${ctx.options.loadSeconds} s at ${CONNECTIONS} connections`);
    const html = await get(next.url + ctx.article.path);
    const homeHtml = await get(next.url + '/');
    const articlePaths = [...new Set([ctx.article.path, ...articleLinks(html), ...articleLinks(homeHtml)])];
    const loadPaths = ['/', ...articlePaths, '/feed.xml', '/atom.xml', '/feed.json', '/tags/world/feed.xml'];
    await warm(next.url, loadPaths, 2);
    const rssBefore = treeRss(next.pid);
    const load = runWrk(next.url, loadPaths, { seconds: ctx.options.loadSeconds, connections: CONNECTIONS, workDir: ctx.work });
    const rssAfter = treeRss(next.pid);
    return { ...load, paths: loadPaths.length, connections: CONNECTIONS, rssBeforeMb: rssBefore / 2 ** 20, rssAfterMb: rssAfter / 2 ** 20 };
  },
  rows(l) {
    return [
      [
        `Load: ${Math.round(l.seconds)} s, ${l.connections} connections, ${l.paths} paths (home, articles, feeds)`,
        `${int(l.requests)} requests · ${int(l.requestsPerSecond)} req/s · p99 ${ms(l.p99Ms)} ms · ${l.non2xx} non-2xx · ${l.socketErrors} socket errors · server RSS ${int(l.rssBeforeMb)} → ${int(l.rssAfterMb)} MB`,
      ],
    ];
  },
};
