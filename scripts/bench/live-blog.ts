import { gzipSync } from 'node:zlib';
import type { BenchSection } from './context.ts';
import { pageJavaScript, type JsSize } from './js-size.ts';
import { kb } from './table.ts';

/*
 * What a running live blog costs a reader beyond an ordinary article: the
 * scripts it loads (the island is inline on the live page only, decision 0008)
 * and the island's own bytes.
 */
type LiveBlogCost = { live: JsSize; article: JsSize; extraScripts: number; islandBytes: number; islandGzipBytes: number };

const LIVE_PATH = '/articles/storm-kestrel-live';

export const liveBlogSection: BenchSection<LiveBlogCost> = {
  key: 'liveBlog',
  async run(ctx) {
    const site = await ctx.sampleSite();
    console.log('bench: live blog scripts next to an ordinary article');
    const html = async (path: string) => (await fetch(new URL(path, site.url))).text();
    const sources = (page: string) => new Set([...page.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]));
    const [livePage, articlePage] = await Promise.all([html(LIVE_PATH), html(ctx.article.path)]);
    const ordinary = sources(articlePage);
    // The island's own <script> (the RSC payload repeats its text, as it does all of the page's markup).
    const island = /<script>(\(function[^<]*data-live-status[^<]*)<\/script>/.exec(livePage)?.[1] ?? '';
    return {
      live: await pageJavaScript(site.url, LIVE_PATH),
      article: await pageJavaScript(site.url, ctx.article.path),
      extraScripts: [...sources(livePage)].filter((src) => !ordinary.has(src)).length,
      islandBytes: Buffer.byteLength(island),
      islandGzipBytes: island ? gzipSync(island).length : 0,
    };
  },
  rows(r) {
    return [
      [
        'Client JS: live blog page',
        `${kb(r.live.bytes)} (${kb(r.live.gzipBytes)} gzip), ${r.live.scripts} scripts; ${r.extraScripts} beyond an ordinary article (${kb(r.article.gzipBytes)} gzip)`,
      ],
      ['Live blog island (inline, live page only)', `${kb(r.islandBytes)} (${kb(r.islandGzipBytes)} gzip)`],
    ];
  },
};
