import path from 'node:path';
import type { BenchSection } from './context.ts';
import { pageJavaScript, writeBareApp, type JsSize } from './js-size.ts';
import { kb } from './table.ts';

/* Client JavaScript per page type, next to a bare App Router page built with the same `next`. */
type ClientJs = Record<string, JsSize>;
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
    };
    await bare.stop();
    return javascript;
  },
  rows(r) {
    const js = (name: string) => {
      const size = r[name];
      return size ? `${kb(size.bytes)} (${kb(size.gzipBytes)} gzip), ${size.scripts} scripts` : 'not measured';
    };
    return [
      ['Client JS: home', js('home')],
      ['Client JS: article', js('article')],
      ['Client JS: tag page', js('tag')],
      ['Client JS: search', js('search')],
      ['Client JS: bare Next.js page (same `next`)', js('bareNext')],
    ];
  },
};
