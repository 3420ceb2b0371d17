/*
 * `npm run bench`: builds what it needs (timed, with peak memory), then measures
 * the served site on loopback and prints a table; results go to bench/results.json.
 * Not a test: figures depend on the machine and on what else runs on it (the load
 * average is recorded next to them). Environment:
 *   BENCH_REUSE_BUILDS=1      reuse existing bench builds (their build rows say "reused")
 *   BENCH_RUN_SECONDS=10      length of each article-page throughput run
 *   BENCH_LOAD_SECONDS=60     length of the mixed load run (64 connections)
 *   BENCH_ARCHIVE=10000       size of the generated archive
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { writeDataset } from './bench/generate-dataset.ts';
import { feedTimes, type FeedTimes } from './bench/feeds.ts';
import { pageJavaScript, writeBareApp, type JsSize } from './bench/js-size.ts';
import { ensureDebianCommand, runWrk, type LoadResult } from './bench/load.ts';
import { cachingProxyConfig, PROXY_CONFIG, startCachingProxy, startStaticNginx } from './bench/nginx.ts';
import { startProcess, timedBuild, treeRss, type Server } from './bench/proc.ts';
import { median, publishToVisible } from './bench/publish.ts';
import { renderTable } from './bench/table.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.tmp/bench');
const SECRET = 'bench-webhook-secret';
const PORTS = { next: 3131, staticNginx: 3132, proxy: 3133, bare: 3134, next2: 3136, proxy2: 3137 };
const RUN_SECONDS = Number(process.env.BENCH_RUN_SECONDS ?? 10);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const ARCHIVE = Number(process.env.BENCH_ARCHIVE ?? 10_000);
const REUSE = process.env.BENCH_REUSE_BUILDS === '1';
const ARTICLE_ID = 'article-lake-sorrel-water-levels-reach-40-year-low';
const ARTICLE = '/articles/lake-sorrel-water-levels-reach-40-year-low';

export type BuildFigures = { reused: boolean; seconds?: number; peakRssMb?: number; prerendered: number; articles: number };

const bin = path.join(root, 'node_modules/.bin');
const baseEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${bin}:${process.env.PATH ?? ''}`,
  NEXT_TELEMETRY_DISABLED: '1',
  SANITY_REVALIDATE_SECRET: SECRET,
  // The bench hammers /search too little to matter, but never wants a 429 in its figures.
  SEARCH_RATE_LIMIT: '1000000',
  ...extra,
});

function prerenderedCount(distDir: string): number {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  return Object.keys(manifest.routes).length;
}

async function build(label: string, cwd: string, distDir: string, env: NodeJS.ProcessEnv, articles: number): Promise<BuildFigures> {
  const dist = path.join(cwd, distDir);
  // Kept beside the build, so a reused build still reports what building it took.
  const record = path.join(dist, 'bench-build.json');
  if (REUSE && existsSync(path.join(dist, 'BUILD_ID'))) {
    console.log(`bench: reusing the ${label} build in ${distDir}`);
    if (existsSync(record)) return { ...(JSON.parse(readFileSync(record, 'utf8')) as BuildFigures), reused: true };
    return { reused: true, prerendered: prerenderedCount(dist), articles };
  }
  console.log(`bench: building ${label} into ${distDir} (waits for /tmp/next-build.lock)`);
  const result = await timedBuild(cwd, { ...env, NEXT_DIST_DIR: distDir });
  const figures = { reused: false, seconds: result.seconds, peakRssMb: result.peakRssBytes / 2 ** 20, prerendered: prerenderedCount(dist), articles };
  writeFileSync(record, JSON.stringify(figures));
  return figures;
}

function startNext(cwd: string, distDir: string, port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  return startProcess(path.join(bin, 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env: { ...env, NEXT_DIST_DIR: distDir, SITE_URL: `http://127.0.0.1:${port}` },
    readyUrl: `http://127.0.0.1:${port}/api/health`,
    url: `http://127.0.0.1:${port}`,
  });
}

/** GET with one retry: a kept-alive socket the server closed while idle fails the first try. */
async function get(url: string | URL): Promise<string> {
  try {
    return await (await fetch(url)).text();
  } catch {
    return await (await fetch(url)).text();
  }
}

async function warm(base: string, paths: string[], times = 3) {
  for (let i = 0; i < times; i++) for (const p of paths) await get(new URL(p, base));
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  mkdirSync(work, { recursive: true });
  if (!ensureDebianCommand('wrk')) throw new Error('wrk is missing and could not be installed with apt-get');
  const nginxAvailable = ensureDebianCommand('nginx');

  // Datasets: a copy of the sample (the publish run edits it) and the generated archive.
  const sampleDir = path.join(work, 'sample-dataset');
  rmSync(sampleDir, { recursive: true, force: true });
  cpSync(path.join(root, 'sanity/sample-dataset'), sampleDir, { recursive: true });
  const archiveDir = path.join(work, `dataset-${ARCHIVE}`);
  if (!existsSync(path.join(archiveDir, 'data.ndjson'))) writeDataset(root, ARCHIVE, archiveDir);
  const sampleArticles = readFileSync(path.join(sampleDir, 'data.ndjson'), 'utf8').split('\n').filter((l) => l.includes('"_type":"article"') && !l.includes('"_id":"drafts.')).length;

  const sampleEnv = baseEnv({ CONTENT_DATASET: sampleDir });
  const builds = {
    sample: await build('the sample site', root, '.next-bench', sampleEnv, sampleArticles),
    archive: await build(`the ${ARCHIVE}-article archive`, root, '.next-bench-archive', baseEnv({ CONTENT_DATASET: archiveDir }), ARCHIVE),
  };

  const bareDir = path.join(work, 'bare-next');
  writeBareApp(root, bareDir);
  await build('a bare Next.js app', bareDir, '.next', baseEnv({}), 0);

  const next = await startNext(root, '.next-bench', PORTS.next, sampleEnv);
  const servers: Server[] = [next];
  try {
    const html = await get(next.url + ARTICLE);
    await warm(next.url, [ARTICLE]);
    const wrkOptions = { seconds: RUN_SECONDS, connections: 32, workDir: work };

    console.log('bench: article page from next start');
    const article: Record<string, LoadResult | string> = { next: runWrk(next.url, [ARTICLE], wrkOptions) };
    if (nginxAvailable) {
      const staticNginx = await startStaticNginx(path.join(work, 'nginx-static'), PORTS.staticNginx, html);
      servers.push(staticNginx);
      console.log('bench: the same HTML from nginx as a static file');
      article.nginxStatic = runWrk(staticNginx.url, ['/article'], wrkOptions);
      const conf = cachingProxyConfig(root, path.join(work, 'nginx-proxy'), PORTS.proxy, [PORTS.next]);
      if (conf) {
        const proxy = await startCachingProxy(path.join(work, 'nginx-proxy'), conf, PORTS.proxy, ARTICLE);
        servers.push(proxy);
        await warm(proxy.url, [ARTICLE]);
        console.log(`bench: the article through ${PROXY_CONFIG} (caching proxy, one instance)`);
        article.cachingProxy = runWrk(proxy.url, [ARTICLE], wrkOptions);
        await proxy.stop();

        // The same proxy in front of two instances of the same build (docs/scaling.md).
        const second = await startNext(root, '.next-bench', PORTS.next2, sampleEnv);
        servers.push(second);
        const conf2 = cachingProxyConfig(root, path.join(work, 'nginx-proxy-2'), PORTS.proxy2, [PORTS.next, PORTS.next2])!;
        const proxy2 = await startCachingProxy(path.join(work, 'nginx-proxy-2'), conf2, PORTS.proxy2, ARTICLE);
        servers.push(proxy2);
        await warm(proxy2.url, [ARTICLE]);
        console.log(`bench: the article through ${PROXY_CONFIG} (caching proxy, two instances)`);
        article.cachingProxyTwoInstances = runWrk(proxy2.url, [ARTICLE], wrkOptions);
        await proxy2.stop();
        await second.stop();
      } else {
        article.cachingProxy = `not available: ${PROXY_CONFIG} is not in this checkout`;
        article.cachingProxyTwoInstances = article.cachingProxy;
      }
    } else {
      article.nginxStatic = 'not available: nginx could not be installed';
      article.cachingProxy = 'not available: nginx could not be installed';
      article.cachingProxyTwoInstances = article.cachingProxy;
    }

    console.log('bench: client JavaScript per page type');
    const bare = await startNext(bareDir, '.next', PORTS.bare, baseEnv({}));
    servers.push(bare);
    const javascript: Record<string, JsSize> = {
      home: await pageJavaScript(next.url, '/'),
      article: await pageJavaScript(next.url, ARTICLE),
      tag: await pageJavaScript(next.url, '/tags/world'),
      search: await pageJavaScript(next.url, '/search?q=lake'),
      bareNext: await pageJavaScript(bare.url, '/'),
    };
    await bare.stop();

    console.log('bench: publish-to-visible (20 signed webhooks)');
    const publishMs = await publishToVisible({
      base: next.url,
      datasetFile: path.join(sampleDir, 'data.ndjson'),
      id: ARTICLE_ID,
      slug: ARTICLE.split('/').at(-1)!,
      secret: SECRET,
      runs: 20,
    });

    console.log(`bench: feed generation for ${ARCHIVE} articles`);
    const feeds: FeedTimes = await feedTimes(archiveDir, ARCHIVE);

    console.log(`bench: mixed load, ${LOAD_SECONDS} s at 64 connections`);
    const slugs = [...html.matchAll(/href="(\/articles\/[^"#?]+)"/g)].map((m) => m[1]!);
    const homeHtml = await get(next.url + '/');
    const articlePaths = [...new Set([ARTICLE, ...slugs, ...[...homeHtml.matchAll(/href="(\/articles\/[^"#?]+)"/g)].map((m) => m[1]!)])];
    const loadPaths = ['/', ...articlePaths, '/feed.xml', '/atom.xml', '/feed.json', '/tags/world/feed.xml'];
    await warm(next.url, loadPaths, 2);
    const rssBefore = treeRss(next.pid);
    const load = runWrk(next.url, loadPaths, { seconds: LOAD_SECONDS, connections: 64, workDir: work });
    const rssAfter = treeRss(next.pid);

    const results = {
      startedAt,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavgBefore: loadBefore, loadavgAfter: loadavg(), node: process.version },
      next: JSON.parse(readFileSync(path.join(root, 'node_modules/next/package.json'), 'utf8')).version as string,
      article,
      javascript,
      publishToVisible: { runs: publishMs.length, medianMs: median(publishMs), minMs: Math.min(...publishMs), maxMs: Math.max(...publishMs) },
      builds,
      feeds,
      load: { ...load, paths: loadPaths.length, connections: 64, rssBeforeMb: rssBefore / 2 ** 20, rssAfterMb: rssAfter / 2 ** 20 },
    };
    mkdirSync(path.join(root, 'bench'), { recursive: true });
    writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    const table = renderTable(results);
    writeFileSync(path.join(root, 'bench/results.md'), table + '\n');
    console.log('\n' + table);
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

await main();
