import path from 'node:path';
import { get, warm, type BenchSection } from './context.ts';
import { ensureDebianCommand, runWrk, type LoadResult } from './load.ts';
import { startStaticNginx } from './nginx.ts';
import { served } from './table.ts';

/*
 * One article page under load from `next start`, next to the same HTML as an nginx static
 * file (the ceiling). Through the edge cache: scripts/bench/edge.ts.
 */
type Article = Record<string, LoadResult | string>;
const PORTS = { staticNginx: 3132 };

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
      return article;
    }
    const staticNginx = ctx.track(await startStaticNginx(path.join(ctx.work, 'nginx-static'), PORTS.staticNginx, html));
    console.log('bench: the same HTML from nginx as a static file');
    article.nginxStatic = runWrk(staticNginx.url, ['/article'], wrkOptions);
    await staticNginx.stop();
    return article;
  },
  rows(a) {
    return [
      ['Article page, `next start`', served(a.next, a.nginxStatic)],
      ['Same HTML, nginx static file', served(a.nginxStatic)],
    ];
  },
};
