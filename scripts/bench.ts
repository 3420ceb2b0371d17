/*
 * `npm run bench`: runs each section in SECTIONS (scripts/bench/*), which builds or starts
 * what it needs through the shared context, then prints one table; results go to
 * bench/results.json (one key per section) and the table to bench/results.md.
 * Not a test: figures depend on the machine and on what else runs on it (the load
 * average is recorded next to them). Environment:
 *   BENCH_ONLY=builds,feeds   run only these sections (keys); the others keep their last results
 *   BENCH_REUSE_BUILDS=1      reuse existing bench builds (their build rows say "reused")
 *   BENCH_RUN_SECONDS=10      length of each article-page throughput run
 *   BENCH_LOAD_SECONDS=60     length of the mixed load run (64 connections)
 *   BENCH_ARCHIVE=10000       size of the generated archive
 * To add rows: write scripts/bench/<name>.ts exporting a BenchSection, and add it to SECTIONS.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { articleThroughputSection } from './bench/article-throughput.ts';
import { buildsSection } from './bench/builds.ts';
import { clientJsSection } from './bench/client-js.ts';
import { createContext, type BenchSection } from './bench/context.ts';
import { edgeSection } from './bench/edge.ts';
import { feedsSection } from './bench/feeds.ts';
import { lakeSection } from './bench/lake.ts';
import { writeDataset } from './bench/generate-dataset.ts';
import { lighthouseSection } from './bench/lighthouse.ts';
import { liveBlogSection } from './bench/live-blog.ts';
import { mixedLoadSection } from './bench/mixed-load.ts';
import { publishSection } from './bench/publish.ts';
import { searchSection } from './bench/search.ts';
import { slugLookupSection } from './bench/slug-lookup.ts';
import { renderTable } from './bench/table.ts';

// Run order is table order. Builds come first, so nothing else is running while they are timed.
const SECTIONS: BenchSection<unknown>[] = [
  buildsSection,
  articleThroughputSection,
  clientJsSection,
  liveBlogSection,
  lighthouseSection,
  publishSection,
  feedsSection,
  slugLookupSection,
  searchSection,
  edgeSection,
  mixedLoadSection,
  // Last: it starts its own lake and site on copies, and Chromium; nothing else should run meanwhile.
  lakeSection,
];

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.tmp/bench');
const resultsFile = path.join(root, 'bench/results.json');

async function main() {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const only = process.env.BENCH_ONLY?.split(',').map((key) => key.trim());
  const unknown = only?.filter((key) => !SECTIONS.some((section) => section.key === key));
  if (unknown?.length) throw new Error(`BENCH_ONLY names no section: ${unknown.join(', ')} (sections: ${SECTIONS.map((s) => s.key).join(', ')})`);
  mkdirSync(work, { recursive: true });

  const archive = Number(process.env.BENCH_ARCHIVE ?? 10_000);
  const sampleDir = path.join(work, 'sample-dataset');
  rmSync(sampleDir, { recursive: true, force: true });
  cpSync(path.join(root, 'sanity/sample-dataset'), sampleDir, { recursive: true });
  const archiveDir = path.join(work, `dataset-${archive}`);
  if (!existsSync(path.join(archiveDir, 'data.ndjson'))) writeDataset(root, archive, archiveDir);
  const sampleText = readFileSync(path.join(sampleDir, 'data.ndjson'), 'utf8');
  const sampleArticles = sampleText.split('\n').filter((l) => l.includes('"_type":"article"') && !l.includes('"_id":"drafts.')).length;

  const ctx = createContext({
    root,
    work,
    secret: 'bench-webhook-secret-0123456789abcdef',
    options: {
      runSeconds: Number(process.env.BENCH_RUN_SECONDS ?? 10),
      loadSeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 60),
      archive,
      reuse: process.env.BENCH_REUSE_BUILDS === '1',
    },
    article: { id: 'article-lake-sorrel-water-levels-reach-40-year-low', path: '/articles/lake-sorrel-water-levels-reach-40-year-low' },
    sampleDir,
    archiveDir,
    sampleArticles,
  });

  const measured: Record<string, unknown> = {};
  try {
    for (const section of SECTIONS) {
      if (only && !only.includes(section.key)) continue;
      measured[section.key] = await section.run(ctx);
    }
  } finally {
    await ctx.stopAll();
  }
  // A partial run keeps the other sections' figures, read now: another partial run may have written meanwhile.
  const results: Record<string, unknown> = only && existsSync(resultsFile) ? { ...JSON.parse(readFileSync(resultsFile, 'utf8')), ...measured } : measured;
  results.startedAt = startedAt;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavgBefore: loadBefore, loadavgAfter: loadavg(), node: process.version };
  const next = JSON.parse(readFileSync(path.join(root, 'node_modules/next/package.json'), 'utf8')).version as string;
  Object.assign(results, { machine, next });
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  const rows = SECTIONS.flatMap((section) => (results[section.key] === undefined ? [] : section.rows(results[section.key])));
  const table = renderTable(rows, machine, next, startedAt);
  writeFileSync(path.join(root, 'bench/results.md'), table + '\n');
  console.log('\n' + table);
}

await main();
