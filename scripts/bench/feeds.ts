import { loadFeedContent } from '../../lib/content/feed.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';
import { feedDocument } from '../../lib/feeds/document.ts';
import type { FeedFormat } from '../../lib/urls/paths.ts';
import type { BenchSection } from './context.ts';
import { int, kb } from './table.ts';

/*
 * Feed generation over a large archive, in process: the GROQ query over the embedded
 * dataset, then the feed builder (lib/feeds) for each format, timed separately.
 */
export type FeedTimes = { articles: number; queryMs: number; build: Record<FeedFormat, { ms: number; bytes: number }> };

export async function feedTimes(datasetFolder: string, limit: number): Promise<FeedTimes> {
  const source = createEmbeddedSource(datasetFolder, () => {});
  let started = performance.now();
  const { value } = await loadFeedContent(source, { kind: 'site' }, limit);
  const queryMs = performance.now() - started;
  if (!value) throw new Error('no feed content');
  const build = {} as FeedTimes['build'];
  for (const format of ['rss', 'atom', 'json'] as const) {
    started = performance.now();
    const doc = feedDocument(format, value, 'https://example.org');
    build[format] = { ms: performance.now() - started, bytes: Buffer.byteLength(doc.body) };
  }
  return { articles: value.articles.length, queryMs, build };
}

export const feedsSection: BenchSection<FeedTimes> = {
  key: 'feeds',
  async run(ctx) {
    console.log(`bench: feed generation for ${ctx.options.archive} articles`);
    return feedTimes(ctx.archiveDir, ctx.options.archive);
  },
  rows(f) {
    return [
      [
        `Feeds for ${int(f.articles)} articles (lib/feeds, in process)`,
        `query ${int(f.queryMs)} ms; build RSS ${int(f.build.rss.ms)} ms (${kb(f.build.rss.bytes)}), Atom ${int(f.build.atom.ms)} ms, JSON ${int(f.build.json.ms)} ms`,
      ],
    ];
  },
};
