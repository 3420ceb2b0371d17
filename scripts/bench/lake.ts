import path from 'node:path';
import { readDatasetFile, resolveDatasetFile } from '../../lib/dataset/ndjson.ts';
import { ARCHIVE_DIST, SAMPLE_DIST, type BenchContext, type BenchSection, type Row } from './context.ts';
import { timeDraftEdits, timePublishes, type Article } from './lake-edits.ts';
import { startLakeStack } from './lake-stack.ts';
import { studioOpenTimes, type StudioOpen } from './lake-studio.ts';
import { median } from './table.ts';
import { int, ms } from './table.ts';

/*
 * The local Content Lake (lake/, decision 0010) as an editor meets it, on the sample and on the
 * generated archive: the Studio opening to the article list, a draft edit acknowledged, a list's
 * listener hearing of a commit, a publish reaching the article page, and the lake's memory.
 * Goals from issue #20.
 */
const EDITS = 100;
const EDIT_PAUSE_MS = 20;
const PUBLISHES = 10;
const STUDIO_RUNS = 3;
const PORTS = { lake: 3451, site: 3452 };
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

type Spread = { n: number; p50Ms: number; p95Ms: number; maxMs: number };
type LakeRun = {
  documents: number;
  articles: number;
  startMs: number;
  rssStartMb: number;
  rssAfterMb: number;
  studio: StudioOpen;
  mutation: Spread;
  listener: Spread;
  publish: { n: number; medianMs: number; minMs: number; maxMs: number };
};
type LakeResult = { sample: LakeRun; archive: LakeRun } | { skipped: string };

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
const spread = (values: number[]): Spread => ({
  n: values.length,
  p50Ms: percentile(values, 0.5),
  p95Ms: percentile(values, 0.95),
  maxMs: Math.max(...values),
});

/** The article the runs edit and publish: the seed article of the sample, the newest of the archive. */
function articleOf(docs: { _id: string; _type: string; [key: string]: unknown }[], id?: string): Article {
  const doc = docs.find((entry) => entry._type === 'article' && !entry._id.includes('.') && (id === undefined || entry._id === id));
  if (!doc) throw new Error(`no article ${id ?? ''} in the dataset`);
  return { id: doc._id, path: `/articles/${(doc.slug as { current: string }).current}`, title: String(doc.title) };
}

async function firstHeadline(lakeUrl: string): Promise<string> {
  // The list's own ordering (sanity/structure.ts), over drafts laid on published documents as the Studio shows them.
  const query = encodeURIComponent('*[_type == "article"] | order(publishedAt desc)[0].title');
  const answer = (await (await fetch(`${lakeUrl}/v2025-02-19/data/query/production?query=${query}&perspective=drafts`)).json()) as { result: string };
  return answer.result;
}

async function measure(ctx: BenchContext, name: 'sample' | 'archive', datasetDir: string, distDir: string, articleId?: string): Promise<LakeRun> {
  const docs = readDatasetFile(resolveDatasetFile(datasetDir)).docs;
  const article = articleOf(docs, articleId);
  const stack = await startLakeStack(ctx, { name, datasetDir, distDir, lakePort: PORTS.lake, sitePort: PORTS.site });
  try {
    const rssStartMb = stack.lakeRssMb();
    console.log(`bench: lake on the ${name} (${int(docs.length)} documents): Studio open ×${STUDIO_RUNS + 2}, ${EDITS} draft edits, ${PUBLISHES} publishes`);
    const studio = await studioOpenTimes({ studioUrl: stack.studioUrl, firstHeadline: await firstHeadline(stack.lakeUrl), runs: STUDIO_RUNS, chrome: CHROME });
    const edits = await timeDraftEdits(stack.lakeUrl, article, EDITS, EDIT_PAUSE_MS, name);
    const publishes = await timePublishes(stack.lakeUrl, stack.siteUrl, article, PUBLISHES, name);
    return {
      documents: docs.length,
      articles: docs.filter((doc) => doc._type === 'article' && !doc._id.includes('.')).length,
      startMs: stack.startMs,
      rssStartMb,
      rssAfterMb: stack.lakeRssMb(),
      studio,
      mutation: spread(edits.ackMs),
      listener: spread(edits.eventMs),
      publish: { n: publishes.length, medianMs: median(publishes), minMs: Math.min(...publishes), maxMs: Math.max(...publishes) },
    };
  } finally {
    await stack.stop();
  }
}

export const lakeSection: BenchSection<LakeResult> = {
  key: 'lake',
  async run(ctx) {
    if (process.env.NEXT_PUBLIC_SANITY_PROJECT_ID?.trim()) return { skipped: 'NEXT_PUBLIC_SANITY_PROJECT_ID is set: the builds use Sanity and no lake runs' };
    await ctx.build('the sample site', ctx.root, SAMPLE_DIST, ctx.sampleEnv, ctx.sampleArticles);
    await ctx.build(
      `the ${ctx.options.archive}-article archive`,
      ctx.root,
      ARCHIVE_DIST,
      ctx.baseEnv({ CONTENT_DATASET: ctx.archiveDir }),
      ctx.options.archive,
    );
    return {
      // The committed sample, copied: the sample build was made from an identical copy.
      sample: await measure(ctx, 'sample', path.join(ctx.root, 'sanity/sample-dataset'), SAMPLE_DIST, ctx.article.id),
      archive: await measure(ctx, 'archive', ctx.archiveDir, ARCHIVE_DIST),
    };
  },
  rows(r) {
    if ('skipped' in r) return [['Local Content Lake', `not measured: ${r.skipped}`]];
    const both = (pick: (run: LakeRun) => string) => `sample ${pick(r.sample)} · archive ${pick(r.archive)}`;
    const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
    const p = (s: Spread) => `p50 ${ms(s.p50Ms)} / p95 ${ms(s.p95Ms)} / max ${ms(s.maxMs)} ms`;
    const rows: Row[] = [
      [
        `Local Content Lake: Studio open → article list (sample ${r.sample.articles} / archive ${int(r.archive.articles)} articles; the editor's browser, median of ${r.sample.studio.warmMs.length} after a warm-up; then a fresh browser)`,
        `${both((run) => `${seconds(median(run.studio.warmMs))} (${run.studio.warmMs.map(seconds).join(', ')}; fresh ${seconds(run.studio.freshMs)})`)} (goal ≤ 3 s)`,
      ],
      [
        `Local Content Lake: draft edit acknowledged (${r.sample.mutation.n} edits, ${EDIT_PAUSE_MS} ms apart, Actions API)`,
        `${both((run) => p(run.mutation))} (goal p95 ≤ 50 ms)`,
      ],
      [
        `Local Content Lake: listener event after the commit (\`*[_type == "article"]\`, from sending the edit)`,
        `${both((run) => p(run.listener))} (goal p95 ≤ 100 ms)`,
      ],
      [
        `Local Content Lake: publish → fresh article page (publish action to the first response with the new headline)`,
        `${both((run) => `median ${ms(run.publish.medianMs)} ms of ${run.publish.n} (min ${ms(run.publish.minMs)}, max ${ms(run.publish.maxMs)})`)} (goal median ≤ 2 s)`,
      ],
      [
        'Local Content Lake: resident memory, after start → after the runs (start time)',
        both((run) => `${int(run.rssStartMb)} → ${int(run.rssAfterMb)} MB (${seconds(run.startMs)})`),
      ],
    ];
    return rows;
  },
};
