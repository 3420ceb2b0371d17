import { evaluate, parse } from 'groq-js';
import { articleQuery, articleRedirectQuery } from '../../lib/content/article.ts';
import { resolveDatasetFile, readDatasetFile } from '../../lib/dataset/ndjson.ts';
import { createEmbeddedSource } from '../../lib/content/sources/embedded.ts';
import type { BenchSection } from './context.ts';
import { int, ms } from './table.ts';
import { median } from './table.ts';

/*
 * What an article URL costs the embedded source on the generated archive, in process:
 * a real slug (the article query) against a made-up one (the article query, then the
 * old-slug redirect query, as the page runs them). Both should be index lookups, not scans.
 */
type SlugLookup = { documents: number; runs: number; realMs: number; madeUpMs: number; firstQueryMs: number; fullScanMs: number };
const RUNS = 200;

async function medianMs(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export const slugLookupSection: BenchSection<SlugLookup> = {
  key: 'slugLookup',
  async run(ctx) {
    console.log(`bench: slug lookups on the ${ctx.options.archive}-article archive (in process)`);
    const docs = readDatasetFile(resolveDatasetFile(ctx.archiveDir)).docs;
    const slugs = docs.filter((doc) => doc._type === 'article').map((doc) => (doc.slug as { current: string }).current);
    const source = createEmbeddedSource(ctx.archiveDir, () => {});
    // The first query reads the file and builds the index; reported on its own.
    const started = performance.now();
    const first = await source.query(articleQuery, { slug: slugs[0] }, 'published');
    const firstQueryMs = performance.now() - started;
    if (!first) throw new Error(`${slugs[0]} not found in ${ctx.archiveDir}`);
    let n = 0;
    const realMs = await medianMs(() => source.query(articleQuery, { slug: slugs[n++ % slugs.length] }, 'published'));
    const madeUpMs = await medianMs(async () => {
      const slug = `no-such-story-${n++}`;
      await source.query(articleQuery, { slug }, 'published');
      await source.query(articleRedirectQuery, { slug }, 'published');
    });
    // The same made-up lookup as groq-js alone would run it (no index): a scan per query.
    const dataset = docs.filter((doc) => !doc._id.includes('.'));
    const fullScanMs = await medianMs(async () => {
      const params = { slug: `no-such-story-${n++}` };
      for (const query of [articleQuery, articleRedirectQuery]) await (await evaluate(parse(query, { params }), { dataset, params })).get();
    }, 5);
    return { documents: docs.length, runs: RUNS, realMs, madeUpMs, firstQueryMs, fullScanMs };
  },
  rows(r) {
    return [
      [
        `Article by slug on the generated archive (${int(r.documents)} documents, embedded source, in process)`,
        `real slug ${ms(r.realMs)} ms · made-up slug ${ms(r.madeUpMs)} ms (article + redirect query; ${ms(r.fullScanMs)} ms as a full scan without the index) · median of ${r.runs}; first query (read file, build index) ${int(r.firstQueryMs)} ms`,
      ],
    ];
  },
};
