import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnVarnish } from '../edge/varnish.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { parseNdjson, type RawDocument } from '../../lib/dataset/ndjson.ts';
import { upsertIntoText, writeFileAtomic } from '../../lib/dataset/write.ts';
import { collectGarbage, inspectOption } from './heap.ts';
import { get, SAMPLE_DIST, warm, type BenchContext, type BenchSection, type Row } from './context.ts';
import { runWrk, type LoadResult } from './load.ts';
import { startStaticNginx } from './nginx.ts';
import { sleep, treeRss, type Server } from './proc.ts';
import { int, median, ms, served } from './table.ts';

/*
 * The edge (deploy/varnish.vcl, started as `npm run edge` starts it) in front of the sample
 * build: an article through it next to the same HTML as an nginx static file, its hit ratio
 * under a mixed load, publish → visible and delete → 404 through it (webhook to the instance,
 * which purges the edge), and what 3,000 made-up URLs cost an instance in memory.
 */
const PORTS = { edge: 3441, origin: 3442, staticNginx: 3443, fresh: 3444, inspect: 3445 };

type Spread = { runs: number; medianMs: number; maxMs: number };
type Edge = {
  edge: LoadResult;
  nginxStatic: LoadResult;
  ratio: number;
  hitRatio: number;
  load: LoadResult;
  publish: Spread;
  delete: Spread;
  madeUp: {
    urls: number;
    rssBeforeMb: number;
    rssAfterMb: number;
    keptBeforeMb: number;
    keptAfterMb: number;
    non404: number;
    searches?: { rssAfterMb: number; keptAfterMb: number };
  };
};

function startEdge(ctx: BenchContext): Server {
  const { child, workDir } = spawnVarnish({ port: PORTS.edge, origins: [{ host: '127.0.0.1', port: PORTS.origin }] }, 'pipe');
  child.stdout?.resume();
  child.stderr?.resume();
  const server: Server & { workDir: string } = {
    pid: child.pid!,
    url: `http://127.0.0.1:${PORTS.edge}`,
    workDir,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
  return ctx.track(server);
}

function varnishCounters(workDir: string): { hit: number; miss: number } {
  const json = JSON.parse(execFileSync('varnishstat', ['-n', workDir, '-1', '-j'], { encoding: 'utf8' })) as { counters: Record<string, { value: number }> };
  return { hit: json.counters['MAIN.cache_hit']?.value ?? 0, miss: json.counters['MAIN.cache_miss']?.value ?? 0 };
}

async function webhook(origin: string, secret: string, doc: unknown): Promise<void> {
  const body = JSON.stringify(doc);
  const response = await fetch(`${origin}/api/revalidate`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'sanity-webhook-signature': await signWebhookBody(body, secret) },
  });
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
}

/** Milliseconds from the webhook until the edge answers as `done` says. */
async function timeUntil(url: string, started: number, done: (response: Response, body: string) => boolean): Promise<number> {
  for (;;) {
    const response = await fetch(url);
    if (done(response, await response.text())) return performance.now() - started;
    if (performance.now() - started > 30_000) throw new Error(`${url} did not change within 30 s`);
    await sleep(5);
  }
}

const spread = (times: number[]): Spread => ({ runs: times.length, medianMs: median(times), maxMs: Math.max(...times) });

async function publishAndDelete(ctx: BenchContext, edge: string, origin: string): Promise<{ publish: Spread; delete: Spread }> {
  const file = path.join(ctx.sampleDir, 'data.ndjson');
  const original = readFileSync(file, 'utf8');
  const doc = parseNdjson(original).docs.find((entry) => entry._id === ctx.article.id) as RawDocument;
  const url = edge + ctx.article.path;
  const publish: number[] = [];
  const deleted: number[] = [];
  try {
    for (let run = 0; run < 20; run++) {
      await warm(edge, [ctx.article.path], 2);
      const title = `Edge headline ${run} ${Date.now()}`;
      writeFileAtomic(file, upsertIntoText(original, [{ ...doc, title }], file).text);
      const started = performance.now();
      await webhook(origin, ctx.secret, { ...doc, title });
      publish.push(await timeUntil(url, started, (response, body) => response.status === 200 && body.includes(title)));
    }
    for (let run = 0; run < 5; run++) {
      writeFileAtomic(file, original);
      await webhook(origin, ctx.secret, doc);
      await timeUntil(url, performance.now(), (response) => response.status === 200);
      await warm(edge, [ctx.article.path], 2);
      writeFileAtomic(
        file,
        original
          .split('\n')
          .filter((line) => !line.includes(`"_id":"${doc._id}"`))
          .join('\n'),
      );
      const started = performance.now();
      await webhook(origin, ctx.secret, { _id: doc._id, _type: doc._type, slug: doc.slug });
      deleted.push(await timeUntil(url, started, (response) => response.status === 404));
    }
  } finally {
    writeFileAtomic(file, original);
    await webhook(origin, ctx.secret, doc);
  }
  return { publish: spread(publish), delete: spread(deleted) };
}

async function inBatches(base: string, urls: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < urls.length; i += 8) {
    statuses.push(...(await Promise.all(urls.slice(i, i + 8).map((url) => fetch(base + url).then(async (r) => (await r.arrayBuffer(), r.status))))));
  }
  return statuses;
}

/**
 * An instance's resident memory before and after 3,000 distinct made-up URLs. It first serves
 * 3,000 requests for real pages, so the figure is what the made-up URLs add to a running
 * instance, not the heap a fresh process grows into whatever it serves. Read twice each time:
 * as it is, and right after a full garbage collection (heap.ts), which is what the process keeps.
 */
async function madeUpUrls(ctx: BenchContext): Promise<Edge['madeUp']> {
  // The search budget raised, so the comparison's 3,000 searches are rendered, not refused.
  const fresh = await ctx.startNext(ctx.root, SAMPLE_DIST, PORTS.fresh, {
    ...ctx.sampleEnv,
    NODE_OPTIONS: inspectOption(PORTS.inspect),
    SEARCH_RATE_LIMIT: '100000',
  });
  const rss = () => treeRss(fresh.pid) / 2 ** 20;
  const kept = async () => (await collectGarbage(PORTS.inspect), await sleep(500), rss());
  const real = ['/', ctx.article.path, '/tags/climate', '/sources/nextminutenews', '/articles/unknown-warm-up'];
  await inBatches(
    fresh.url,
    Array.from({ length: 3000 }, (_, i) => real[i % real.length]!),
  );
  await sleep(1000);
  const rssBeforeMb = rss();
  const keptBeforeMb = await kept();
  const urls = [
    ...Array.from({ length: 2000 }, (_, i) => `/articles/made-up-story-${i}-${Date.now()}`),
    ...Array.from({ length: 1000 }, (_, i) => `/tags/climate/page/${100 + i}`),
  ];
  const non404 = (await inBatches(fresh.url, urls)).filter((status) => status !== 404).length;
  await sleep(2000);
  const rssAfterMb = rss();
  const keptAfterMb = await kept();
  // For comparison, 3,000 real renders on the same instance: distinct searches (a dynamic page).
  await inBatches(
    fresh.url,
    Array.from({ length: 3000 }, (_, i) => `/search?q=storm+${i}`),
  );
  await sleep(2000);
  const searches = { rssAfterMb: rss(), keptAfterMb: await kept() };
  await fresh.stop();
  return { urls: urls.length, rssBeforeMb, rssAfterMb, keptBeforeMb, keptAfterMb, non404, searches };
}

const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${int(mb)}`;

export const edgeSection: BenchSection<Edge> = {
  key: 'edge',
  async run(ctx) {
    await ctx.sampleSite();
    const origin = await ctx.startNext(ctx.root, SAMPLE_DIST, PORTS.origin, { ...ctx.sampleEnv, EDGE_PURGE_URLS: `http://127.0.0.1:${PORTS.edge}` });
    const edge = startEdge(ctx) as Server & { workDir: string };
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(`${edge.url}/robots.txt`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await sleep(100);
    const ARTICLE = ctx.article.path;
    const wrkOptions = { seconds: ctx.options.runSeconds, connections: 32, workDir: ctx.work };

    const staticNginx = ctx.track(await startStaticNginx(path.join(ctx.work, 'nginx-static-edge'), PORTS.staticNginx, await get(edge.url + ARTICLE)));
    console.log('bench: the article as an nginx static file, then through the edge');
    const nginxStatic = runWrk(staticNginx.url, ['/article'], wrkOptions);
    await staticNginx.stop();
    await warm(edge.url, [ARTICLE]);
    const edgeRun = runWrk(edge.url, [ARTICLE], wrkOptions);

    console.log('bench: mixed load through the edge (hit ratio)');
    const paths = ['/', ARTICLE, '/tags/climate', '/tags/economy', '/sources/nextminutenews', '/feed.xml', '/sitemap.xml', '/articles/storm-kestrel-live'];
    const before = varnishCounters(edge.workDir);
    const load = runWrk(edge.url, paths, wrkOptions);
    const after = varnishCounters(edge.workDir);
    const hits = after.hit - before.hit;
    const hitRatio = hits / Math.max(1, hits + after.miss - before.miss);

    console.log('bench: publish → visible and delete → 404 through the edge');
    const changes = await publishAndDelete(ctx, edge.url, origin.url);
    await edge.stop();
    await origin.stop();
    console.log('bench: 3,000 made-up URLs against a fresh instance');
    const madeUp = await madeUpUrls(ctx);
    return { edge: edgeRun, nginxStatic, ratio: edgeRun.requestsPerSecond / nginxStatic.requestsPerSecond, hitRatio, load, ...changes, madeUp };
  },
  rows(e) {
    return [
      ['Article through the edge (`deploy/varnish.vcl`) ÷ nginx static file (goal ≥ 0.8)', served(e.edge, e.nginxStatic)],
      ['Edge hit ratio, mixed load (home, articles, listings, feeds, sitemap)', `${(e.hitRatio * 100).toFixed(1)} % of ${int(e.load.requests)} requests`],
      [
        'Publish → visible through the edge (webhook, purge, first fresh answer)',
        `median ${ms(e.publish.medianMs)} ms, max ${ms(e.publish.maxMs)} ms of ${e.publish.runs}`,
      ],
      ['Delete → 404 through the edge', `median ${ms(e.delete.medianMs)} ms, max ${ms(e.delete.maxMs)} ms of ${e.delete.runs}`],
      [
        `${int(e.madeUp.urls)} made-up URLs (slugs, pages past the last): memory one instance keeps (after a full GC; goal ≤ +50 MB)`,
        `${int(e.madeUp.keptBeforeMb)} → ${int(e.madeUp.keptAfterMb)} MB (${signed(e.madeUp.keptAfterMb - e.madeUp.keptBeforeMb)} MB); ${e.madeUp.non404} answers were not 404`,
      ],
      [
        '… the same, read without forcing a GC (garbage and heap room V8 keeps after a burst of renders)',
        `${int(e.madeUp.rssBeforeMb)} → ${int(e.madeUp.rssAfterMb)} MB (${signed(e.madeUp.rssAfterMb - e.madeUp.rssBeforeMb)} MB)`,
      ],
      ...(e.madeUp.searches
        ? [
            [
              '… then 3,000 distinct searches on the same instance (real renders, for comparison)',
              `kept ${int(e.madeUp.keptAfterMb)} → ${int(e.madeUp.searches.keptAfterMb)} MB; without forcing a GC ${int(e.madeUp.rssAfterMb)} → ${int(e.madeUp.searches.rssAfterMb)} MB`,
            ] satisfies Row,
          ]
        : []),
    ];
  },
};
