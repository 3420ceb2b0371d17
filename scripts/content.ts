/**
 * Content command line: `npm run content -- import <file.txt|file.md> [options]`.
 * A thin shell over lib/import: parse the file, plan the import against the
 * dataset, upsert the planned documents. `--to sanity` sends the same plan to
 * the Content Lake as a draft instead; `--notify <url>` then tells a running
 * site, with a signed webhook, which documents the embedded import changed.
 * While the local Content Lake runs on the dataset, the same plan goes through
 * its API instead of into the file (scripts/content-lake.ts).
 */
import { parseNdjson, readDatasetText, resolveDatasetFile } from '../lib/dataset/ndjson.ts';
import { parseCommandLine } from './command-line.ts';
import { removeFromText, upsertIntoText, writeFileAtomic } from '../lib/dataset/write.ts';
import { parseEnv, SAMPLE_DATASET } from '../lib/env.ts';
import { importArticleThroughApi } from '../lib/import/api-import.ts';
import { notifySite } from '../lib/import/notify.ts';
import { parseArticleFile } from '../lib/import/parse-article-file.ts';
import { planArticleImport, type ImportOptions, type ImportPlan } from '../lib/import/plan-import.ts';
import { importArticleToSanity } from '../lib/import/sanity-import.ts';
import { createSanityWriteClient, sanityWriteConfigFrom } from '../lib/import/sanity-write-client.ts';
import { readArticleFile } from '../lib/import/text-input.ts';
import { lakeServing, throughLake } from './content-lake.ts';
import { runLive } from './content-live.ts';

const USAGE = `Usage: npm run content -- import <file.txt|file.md> [options]

Imports wire copy (.txt) or Markdown with front matter (.md) as an article.
Importing the same headline again updates that article. Only UTF-8 text is
accepted. The article is published when it passes the rules the Studio checks
before publishing (headline, lengths, at least one tag, links); otherwise it is
written as a draft (drafts.article-<slug>) listing what it still needs.
While the local Content Lake (npm start) serves the dataset, the import is
written through it, never into the file behind its back.

Options:
  --dataset <path>       NDJSON file or export folder (default: $CONTENT_DATASET,
                         else sanity/sample-dataset)
  --tags <a,b>           tag slugs (the first is the lead tag); missing ones are created
  --sources <a,b>        source slugs; the sign-off source, if any, leads
  --author <slug>        author slug (repeat or comma-separate for several)
  --published <iso>      publication time (default: now for a new article)
  --standfirst <text>    summary under the headline (default: from the lede)
  --featured             mark as a top story
  --to <embedded|sanity> where to write (default: embedded, the NDJSON dataset);
                         sanity writes a DRAFT (drafts.article-<slug>) with
                         SANITY_API_WRITE_TOKEN, for an editor to publish
  --notify <site-url>    after an embedded import, send the site the signed
                         revalidation webhook (SANITY_REVALIDATE_SECRET)
  -h, --help             show this help

Live blogs: npm run content -- live <article-slug> <file|-> [--key-event] [--pin]
            [--title …] [--author slug] [--notify <site-url>] [--to sanity]
            npm run content -- live <article-slug> --end     (live --help for more)`;

async function main(argv: string[]): Promise<number> {
  // `live …` has options of its own (scripts/content-live.ts).
  if (argv[0] === 'live') return runLive(argv.slice(1));
  const parsed = parseCommandLine(
    argv,
    {
      dataset: { type: 'string' },
      tags: { type: 'string' },
      sources: { type: 'string' },
      author: { type: 'string', multiple: true },
      published: { type: 'string' },
      standfirst: { type: 'string' },
      featured: { type: 'boolean' },
      to: { type: 'string' },
      notify: { type: 'string' },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (command !== 'import' || !file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const target = values.to ?? 'embedded';
  if (target !== 'embedded' && target !== 'sanity') {
    console.error(`--to must be "embedded" or "sanity", not "${target}"\n\n${USAGE}`);
    return 2;
  }
  if (target === 'sanity' && values.notify !== undefined) {
    console.error(
      "--notify is for embedded imports: with --to sanity the article is a draft, and Sanity's own webhook tells the site when an editor publishes it.",
    );
    return 2;
  }

  try {
    const options: ImportOptions = { now: new Date().toISOString() };
    if (values.tags !== undefined) options.tags = list(values.tags);
    if (values.sources !== undefined) options.sources = list(values.sources);
    if (values.author !== undefined) options.authors = values.author.flatMap(list);
    if (values.published !== undefined) options.publishedAt = isoDate(values.published);
    if (values.standfirst !== undefined) options.standfirst = values.standfirst;
    if (values.featured) options.featured = true;

    const env = parseEnv(process.env);
    if (target === 'sanity') {
      const config = sanityWriteConfigFrom(env);
      const parsedArticle = parseArticleFile(file, readArticleFile(file));
      const result = await importArticleToSanity(createSanityWriteClient(config), parsedArticle, options);
      for (const line of result.log) console.log(line);
      for (const problem of result.problems) console.log(`  needs: ${problem}`);
      console.log(`${result.action} ${result.draftId} (a draft: review and publish it in the Studio)`);
      console.log(`  path once published: ${result.path}`);
      console.log(`  Sanity: project ${config.projectId}, dataset ${config.dataset}, transaction ${result.transactionId}`);
      return 0;
    }

    const datasetFile = resolveDatasetFile(values.dataset ?? env.CONTENT_DATASET ?? SAMPLE_DATASET);
    const article = parseArticleFile(file, readArticleFile(file));
    const lake = lakeServing(datasetFile, env);
    if (lake) {
      const { plan, transactionId } = await throughLake(lake, (client) => importArticleThroughApi(client, article, options));
      report(plan, datasetFile);
      console.log(`  through ${lake.name}, transaction ${transactionId}`);
      // Sent now, it could beat the lake's own write of the file the site reads.
      if (values.notify !== undefined) console.log('  --notify: not sent; the lake sends the site its webhook once the dataset file holds the change');
      return 0;
    }
    // Read once: the plan and the write work from the same text.
    const text = readDatasetText(datasetFile);
    const { docs, problems } = parseNdjson(text);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new Error(`${datasetFile}, line ${first.line}: ${first.message} (${problems.length} bad line(s)); fix the dataset first, nothing was written.`);
    }

    const plan = planArticleImport(article, options, docs);
    const upserted = upsertIntoText(text, plan.documents, datasetFile).text;
    writeFileAtomic(datasetFile, plan.staleDraftId ? removeFromText(upserted, [plan.staleDraftId]).text : upserted);

    report(plan, datasetFile);

    if (values.notify !== undefined) {
      const answers = await notifySite(values.notify, plan.documents, docs, env.SANITY_REVALIDATE_SECRET);
      let refused = 0;
      for (const answer of answers) {
        console.log(`notified ${answer.id}: ${answer.status} ${answer.body}`);
        if (answer.status !== 200) refused += 1;
      }
      if (refused > 0) {
        console.error(`The import was written, but the site refused ${refused} notification(s); its pages refresh within a minute anyway.`);
        return 1;
      }
    }
    return 0;
  } catch (error) {
    console.error(`Import failed: ${(error as Error).message}`);
    return 1;
  }
}

function report(plan: ImportPlan, datasetFile: string): void {
  for (const line of plan.log) console.log(line);
  for (const problem of plan.problems) console.log(`  needs: ${problem}`);
  if (plan.staleDraftId) console.log(`removed ${plan.staleDraftId}: published over it, as the Studio does`);
  console.log(`${plan.action} ${plan.article._id} (${plan.status})`);
  console.log(`  slug: ${plan.article.slug.current}`);
  console.log(`  path: ${plan.path}`);
  console.log(`  dataset: ${datasetFile}`);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isoDate(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
    throw new Error(`--published "${value}" is not an ISO 8601 date such as 2026-11-20T08:00:00Z`);
  }
  return new Date(time).toISOString();
}

process.exitCode = await main(process.argv.slice(2));
