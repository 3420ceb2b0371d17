import path from 'node:path';
import { get, SAMPLE_DIST, SAMPLE_PORT, warm, type BenchSection } from './context.ts';
import { ensureDebianCommand, runWrk, type LoadResult } from './load.ts';
import { cachingProxyConfig, PROXY_CONFIG, startCachingProxy, startStaticNginx } from './nginx.ts';
import { served } from './table.ts';

/*
 * One article page under load from `next start`, next to the same HTML as an nginx static
 * file (the ceiling) and through deploy/nginx.conf in front of one and two instances.
 */
type Article = Record<string, LoadResult | string>;
const PORTS = { staticNginx: 3132, proxy: 3133, next2: 3136, proxy2: 3137 };

export const articleThroughputSection: BenchSection<Article> = {
  key: 'article',
  async run(ctx) {
    if (!ensureDebianCommand('wrk')) throw new Error('wrk is missing and could not be installed with apt-get');
    const next = await ctx.sampleSite();
    const ARTICLE = ctx.article.path;
    const html = await get(next.url + ARTICLE);
    await warm(next.url, [ARTICLE]);
    const wrkOptions = { seconds: ctx.options.runSeconds, connections: 32, workDir: ctx.work };

    console.log('bench: article page from next start');
    const article: Article = { next: runWrk(next.url, [ARTICLE], wrkOptions) };
    if (!ensureDebianCommand('nginx')) {
      article.nginxStatic = 'not available: nginx could not be installed';
      article.cachingProxy = 'not available: nginx could not be installed';
      article.cachingProxyTwoInstances = article.cachingProxy;
      return article;
    }
    const staticNginx = ctx.track(await startStaticNginx(path.join(ctx.work, 'nginx-static'), PORTS.staticNginx, html));
    console.log('bench: the same HTML from nginx as a static file');
    article.nginxStatic = runWrk(staticNginx.url, ['/article'], wrkOptions);
    await staticNginx.stop();
    const conf = cachingProxyConfig(ctx.root, path.join(ctx.work, 'nginx-proxy'), PORTS.proxy, [SAMPLE_PORT]);
    if (!conf) {
      article.cachingProxy = `not available: ${PROXY_CONFIG} is not in this checkout`;
      article.cachingProxyTwoInstances = article.cachingProxy;
      return article;
    }
    const proxy = ctx.track(await startCachingProxy(path.join(ctx.work, 'nginx-proxy'), conf, PORTS.proxy, ARTICLE));
    await warm(proxy.url, [ARTICLE]);
    console.log(`bench: the article through ${PROXY_CONFIG} (caching proxy, one instance)`);
    article.cachingProxy = runWrk(proxy.url, [ARTICLE], wrkOptions);
    await proxy.stop();

    // The same proxy in front of two instances of the same build (docs/scaling.md).
    const second = await ctx.startNext(ctx.root, SAMPLE_DIST, PORTS.next2, ctx.sampleEnv);
    const conf2 = cachingProxyConfig(ctx.root, path.join(ctx.work, 'nginx-proxy-2'), PORTS.proxy2, [SAMPLE_PORT, PORTS.next2])!;
    const proxy2 = ctx.track(await startCachingProxy(path.join(ctx.work, 'nginx-proxy-2'), conf2, PORTS.proxy2, ARTICLE));
    await warm(proxy2.url, [ARTICLE]);
    console.log(`bench: the article through ${PROXY_CONFIG} (caching proxy, two instances)`);
    article.cachingProxyTwoInstances = runWrk(proxy2.url, [ARTICLE], wrkOptions);
    await proxy2.stop();
    await second.stop();
    return article;
  },
  rows(a) {
    return [
      ['Article page, `next start`', served(a.next, a.nginxStatic)],
      ['Same HTML, nginx static file', served(a.nginxStatic)],
      ['Article via `deploy/nginx.conf` (caching proxy), one instance', served(a.cachingProxy, a.nginxStatic)],
      ['Article via `deploy/nginx.conf` (caching proxy), two instances', served(a.cachingProxyTwoInstances, a.nginxStatic)],
    ];
  },
};
