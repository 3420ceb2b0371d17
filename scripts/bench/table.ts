import type { JsSize } from './js-size.ts';
import type { LoadResult } from './load.ts';
import type { FeedTimes } from './feeds.ts';

/* The benchmark's printed table (Markdown, pasted as is into README's "Benchmark"). */

type Build = { reused: boolean; seconds?: number; peakRssMb?: number; prerendered: number; articles: number };
export type BenchResults = {
  startedAt: string;
  machine: { cpus: number; cpuModel?: string; loadavgBefore: number[]; loadavgAfter: number[]; node: string };
  next: string;
  article: Record<string, LoadResult | string>;
  javascript: Record<string, JsSize>;
  publishToVisible: { runs: number; medianMs: number; minMs: number; maxMs: number };
  builds: Record<string, Build>;
  feeds: FeedTimes;
  load: LoadResult & { paths: number; connections: number; rssBeforeMb: number; rssAfterMb: number };
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function served(result: LoadResult | string | undefined, ceiling?: LoadResult | string): string {
  if (result === undefined) return 'not measured';
  if (typeof result === 'string') return result;
  const ratio = ceiling && typeof ceiling !== 'string' ? ` · ${(result.requestsPerSecond / ceiling.requestsPerSecond).toFixed(2)}× nginx static` : '';
  const errors = result.non2xx + result.socketErrors ? ` · ${result.non2xx} non-2xx, ${result.socketErrors} socket errors` : '';
  return `${int(result.requestsPerSecond)} req/s · p50 ${ms(result.p50Ms)} ms · p99 ${ms(result.p99Ms)} ms${ratio}${errors}`;
}

function build(figures: Build | undefined): string {
  if (!figures) return 'not measured';
  const time =
    figures.seconds === undefined ? 'reused, not timed' : `${figures.seconds.toFixed(0)} s · peak ${int(figures.peakRssMb!)} MB${figures.reused ? ' (reused build)' : ''}`;
  return `${time} · ${int(figures.prerendered)} prerendered routes`;
}

export function renderTable(r: BenchResults): string {
  const js = (name: string) => {
    const size = r.javascript[name];
    return size ? `${kb(size.bytes)} (${kb(size.gzipBytes)} gzip), ${size.scripts} scripts` : 'not measured';
  };
  const l = r.load;
  const rows: [string, string][] = [
    ['Article page, `next start`', served(r.article.next, r.article.nginxStatic)],
    ['Same HTML, nginx static file', served(r.article.nginxStatic)],
    ['Article via `deploy/nginx.conf` (caching proxy), one instance', served(r.article.cachingProxy, r.article.nginxStatic)],
    ['Article via `deploy/nginx.conf` (caching proxy), two instances', served(r.article.cachingProxyTwoInstances, r.article.nginxStatic)],
    ['Client JS: home', js('home')],
    ['Client JS: article', js('article')],
    ['Client JS: tag page', js('tag')],
    ['Client JS: search', js('search')],
    ['Client JS: bare Next.js page (same `next`)', js('bareNext')],
    [
      'Publish → visible (signed webhook to first fresh response)',
      `median ${ms(r.publishToVisible.medianMs)} ms of ${r.publishToVisible.runs} (min ${ms(r.publishToVisible.minMs)}, max ${ms(r.publishToVisible.maxMs)})`,
    ],
    [`Build, sample dataset (${r.builds.sample?.articles} articles)`, build(r.builds.sample)],
    [`Build, generated archive (${int(r.builds.archive?.articles ?? 0)} articles)`, build(r.builds.archive)],
    [
      `Feeds for ${int(r.feeds.articles)} articles (lib/feeds, in process)`,
      `query ${int(r.feeds.queryMs)} ms; build RSS ${int(r.feeds.build.rss.ms)} ms (${kb(r.feeds.build.rss.bytes)}), Atom ${int(r.feeds.build.atom.ms)} ms, JSON ${int(r.feeds.build.json.ms)} ms`,
    ],
    [
      `Load: ${Math.round(l.seconds)} s, ${l.connections} connections, ${l.paths} paths (home, articles, feeds)`,
      `${int(l.requests)} requests · ${int(l.requestsPerSecond)} req/s · p99 ${ms(l.p99Ms)} ms · ${l.non2xx} non-2xx · ${l.socketErrors} socket errors · server RSS ${int(l.rssBeforeMb)} → ${int(l.rssAfterMb)} MB`,
    ],
  ];
  const m = r.machine;
  return [
    '| measure | result |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
    '',
    `Next.js ${r.next}, Node ${m.node}, ${m.cpus} × ${m.cpuModel ?? 'CPU'}, loopback only; load average ${m.loadavgBefore.map((n) => n.toFixed(1)).join(' ')} at the start and ${m.loadavgAfter
      .map((n) => n.toFixed(1))
      .join(' ')} at the end (${r.startedAt}).`,
  ].join('\n');
}
