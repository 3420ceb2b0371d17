import path from 'node:path';
import type { BenchSection } from './context.ts';
import { pageJavaScript, pageWeight, writeBareApp, type HtmlWeight, type JsSize } from './js-size.ts';
import { kb } from './table.ts';

/*
 * Client JavaScript and HTML weight per page type, next to a bare App Router page built with the
 * same `next`. The HTML goal (issue 21): an article at most twice its <main> plus its stylesheet.
 */
type PageName = 'home' | 'article' | 'tag' | 'search' | 'bareNext';
type ClientJs = Partial<Record<PageName, JsSize>> & { weight?: Partial<Record<PageName, HtmlWeight>> };
const BARE_PORT = 3134;

export const clientJsSection: BenchSection<ClientJs> = {
  key: 'javascript',
  async run(ctx) {
    const bareDir = path.join(ctx.work, 'bare-next');
    writeBareApp(ctx.root, bareDir);
    await ctx.build('a bare Next.js app', bareDir, '.next', ctx.baseEnv({}), 0);
    const next = await ctx.sampleSite();
    console.log('bench: client JavaScript per page type');
    const bare = await ctx.startNext(bareDir, '.next', BARE_PORT, ctx.baseEnv({}));
    const javascript: ClientJs = {
      home: await pageJavaScript(next.url, '/'),
      article: await pageJavaScript(next.url, ctx.article.path),
      tag: await pageJavaScript(next.url, '/tags/world'),
      search: await pageJavaScript(next.url, '/search?q=lake'),
      bareNext: await pageJavaScript(bare.url, '/'),
      weight: {
        home: await pageWeight(next.url, '/'),
        article: await pageWeight(next.url, ctx.article.path),
        tag: await pageWeight(next.url, '/tags/world'),
        search: await pageWeight(next.url, '/search?q=lake'),
        bareNext: await pageWeight(bare.url, '/'),
      },
    };
    await bare.stop();
    return javascript;
  },
  rows(r) {
    const weight = (name: PageName) => {
      const page = r.weight?.[name];
      if (!page) return 'not measured';
      const budget = 2 * page.mainBytes + page.cssBytes;
      return (
        `${kb(page.bytes)} (${kb(page.gzipBytes)} gzip): <main> ${kb(page.mainBytes)}, CSS ${kb(page.cssBytes)}, framework payload ${kb(page.payloadBytes)}` +
        (page.mainBytes > 0 ? ` · ${(page.bytes / budget).toFixed(2)} of 2×<main>+CSS` : '')
      );
    };
    const js = (name: PageName) => {
      const size = r[name];
      return size ? `${kb(size.bytes)} (${kb(size.gzipBytes)} gzip), ${size.scripts} scripts` : 'not measured';
    };
    return [
      ['Client JS: home', js('home')],
      ['Client JS: article', js('article')],
      ['Client JS: tag page', js('tag')],
      ['Client JS: search', js('search')],
      ['Client JS: bare Next.js page (same `next`)', js('bareNext')],
      ['HTML: home', weight('home')],
      ['HTML: article (goal ≤ 1.00 of 2×<main>+CSS)', weight('article')],
      ['HTML: tag page', weight('tag')],
      ['HTML: search (rendered per request, keeps the runtime)', weight('search')],
      ['HTML: bare Next.js page (same `next`)', weight('bareNext')],
    ];
  },
};
