/**
 * `npm run content -- live <article-slug> <file|-> [options]` posts an update
 * to a running live blog; `live <slug> --end` ends the coverage (`--start`
 * starts or reopens it). A thin shell over lib/import/live-update.ts, with the
 * importer's rules: parse, plan against the dataset, one atomic write (or,
 * while the local Content Lake serves the dataset, one transaction through it).
 */
import { readFileSync } from 'node:fs';
import type { RawDocument } from '../lib/dataset/ndjson.ts';
import { parseNdjson, readDatasetText, resolveDatasetFile } from '../lib/dataset/ndjson.ts';
import { parseCommandLine } from './command-line.ts';
import { upsertIntoText, writeFileAtomic } from '../lib/dataset/write.ts';
import { parseEnv, SAMPLE_DATASET } from '../lib/env.ts';
import { changeCoverageInSanity, postLiveUpdateToSanity } from '../lib/import/live-sanity.ts';
import { parseLiveUpdateText } from '../lib/import/live-update-body.ts';
import { liveUpdateId, nextUpdateNumber, planCoverageChange, planLiveUpdate, type LiveUpdateInput } from '../lib/import/live-update.ts';
import { notifySite } from '../lib/import/notify.ts';
import { decodeArticleText } from '../lib/import/text-input.ts';
import { createSanityWriteClient, sanityWriteConfigFrom } from '../lib/import/sanity-write-client.ts';
import { lakeServing, throughLake } from './content-lake.ts';

export const LIVE_USAGE = `Usage: npm run content -- live <article-slug> <file|-> [options]
       npm run content -- live <article-slug> --end | --start

Posts an update to a running live blog (id liveUpdate-<slug>-<n>; a slug with
non-Latin letters gives its ASCII part and a hash instead). The body is
wire copy (plain text: every line is body; bullets and subheadings as in an
import) or Markdown (.md, or --format md; front matter: title, published, authors).
"-" reads the update from standard input.

Options:
  --title <text>         the update's title (key events are listed by it)
  --key-event            list it among the live blog's key events
  --pin                  show it above the other updates
  --author <slug>        author slug (repeat or comma-separate); must exist
  --published <iso>      publish time (default now; a future time is an embargo)
  --format <txt|md>      how to read the body (default: by file extension)
  --end                  end the live coverage (coverageEndedAt = now)
  --start                start, or reopen, the live coverage
  --dataset <path>       NDJSON file or export folder (default: $CONTENT_DATASET,
                         else sanity/sample-dataset)
  --to <embedded|sanity> where to write; sanity PUBLISHES the update (it needs
                         SANITY_API_WRITE_TOKEN)
  --notify <site-url>    after an embedded write, send the site the signed
                         revalidation webhook (SANITY_REVALIDATE_SECRET)`;

export async function runLive(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(
    argv,
    {
      title: { type: 'string' },
      'key-event': { type: 'boolean' },
      pin: { type: 'boolean' },
      author: { type: 'string', multiple: true },
      published: { type: 'string' },
      format: { type: 'string' },
      end: { type: 'boolean' },
      start: { type: 'boolean' },
      dataset: { type: 'string' },
      to: { type: 'string' },
      notify: { type: 'string' },
    },
    LIVE_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [slug, file, ...extra] = positionals;
  const coverage = values.end ? 'ended' : values.start ? 'live' : undefined;
  const usageError = (message: string) => {
    console.error(`${message}\n\n${LIVE_USAGE}`);
    return 2;
  };
  if (!slug || extra.length > 0) return usageError("Give the live blog's slug and one file (or - for standard input).");
  if (values.end && values.start) return usageError('--end and --start cannot be used together.');
  if (coverage && file !== undefined) return usageError(`--${values.end ? 'end' : 'start'} takes no file.`);
  if (!coverage && file === undefined) return usageError("Give the update's file, or - to read it from standard input.");
  const target = values.to ?? 'embedded';
  if (target !== 'embedded' && target !== 'sanity') return usageError(`--to must be "embedded" or "sanity", not "${target}".`);
  if (target === 'sanity' && values.notify !== undefined)
    return usageError("--notify is for embedded writes: with --to sanity, Sanity's own webhook tells the site.");
  if (values.format !== undefined && values.format !== 'md' && values.format !== 'txt')
    return usageError(`--format must be "txt" or "md", not "${values.format}".`);

  try {
    const now = new Date().toISOString();
    const env = parseEnv(process.env);
    const input = coverage ? undefined : (dataset: RawDocument[] | string[]) => readUpdate(slug, file!, values, dataset);

    if (target === 'sanity') {
      const client = createSanityWriteClient(sanityWriteConfigFrom(env));
      const result = coverage ? await changeCoverageInSanity(client, slug, coverage, now) : await postLiveUpdateToSanity(client, slug, input!([]), now);
      for (const line of result.log) console.log(line);
      console.log(`${coverage ? `coverage ${coverage}:` : 'published'} ${result.id} (Sanity transaction ${result.transactionId})`);
      console.log(`  path: ${result.path}`);
      return 0;
    }

    const datasetFile = resolveDatasetFile(values.dataset ?? env.CONTENT_DATASET ?? SAMPLE_DATASET);
    const lake = lakeServing(datasetFile, env);
    if (lake) {
      // The lake owns the file while it runs: the same plan, written through its API (scripts/content-lake.ts).
      const result = await throughLake(lake, (client) =>
        coverage ? changeCoverageInSanity(client, slug, coverage, now) : postLiveUpdateToSanity(client, slug, input!([]), now),
      );
      for (const line of result.log) console.log(line);
      console.log(`${coverage ? `coverage ${coverage}:` : 'posted'} ${result.id}`);
      console.log(`  path: ${result.path}`);
      console.log(`  dataset: ${datasetFile}`);
      console.log(`  through ${lake.name}, transaction ${result.transactionId}`);
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
    const plan = coverage ? planCoverageChange(slug, coverage, now, docs) : planLiveUpdate(slug, input!(docs), now, docs);
    writeFileAtomic(datasetFile, upsertIntoText(text, [plan.document], datasetFile).text);
    for (const line of plan.log) console.log(line);
    console.log(`${coverage ? `coverage ${coverage}:` : 'posted'} ${plan.document._id}`);
    console.log(`  path: ${plan.path}`);
    console.log(`  dataset: ${datasetFile}`);

    if (values.notify !== undefined) {
      const answers = await notifySite(values.notify, [plan.document], docs, env.SANITY_REVALIDATE_SECRET);
      const refused = answers.filter((answer) => answer.status !== 200);
      for (const answer of answers) console.log(`notified ${answer.id}: ${answer.status} ${answer.body}`);
      if (refused.length > 0) {
        console.error('The update was written, but the site refused the notification; its pages refresh within a minute anyway.');
        return 1;
      }
    }
    return 0;
  } catch (error) {
    console.error(`Live update failed: ${(error as Error).message}`);
    return 1;
  }
}

type LiveValues = { title?: string; 'key-event'?: boolean; pin?: boolean; author?: string[]; published?: string; format?: string };

function readUpdate(slug: string, file: string, values: LiveValues, dataset: RawDocument[] | string[]): LiveUpdateInput {
  const ids = dataset.map((doc) => (typeof doc === 'string' ? doc : doc._id));
  // Seeds the body's keys; the planner picks the same number from the same dataset.
  const seed = liveUpdateId(slug, nextUpdateNumber(slug, ids));
  const name = file === '-' ? 'standard input' : file;
  const parsed = parseLiveUpdateText(name, readText(file), seed, values.format as 'md' | 'txt' | undefined);
  const input: LiveUpdateInput = { body: parsed.body, keyEvent: values['key-event'] === true, pinned: values.pin === true };
  const title = values.title ?? parsed.title;
  if (title !== undefined) input.title = title;
  const authors =
    values.author?.flatMap((value) =>
      value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ) ?? parsed.authors;
  if (authors !== undefined) input.authors = authors;
  const published = values.published ?? parsed.publishedAt;
  if (published !== undefined) input.publishedAt = isoDate(published);
  return input;
}

function isoDate(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new Error(`--published "${value}" is not an ISO 8601 date such as 2026-11-20T08:00:00Z`);
  return new Date(time).toISOString();
}

/** The update's text, by the importer's rules: UTF-8 text only (no pictures, NULs or control characters), not empty. */
function readText(file: string): string {
  const name = file === '-' ? 'standard input' : file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new Error(`Cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeArticleText(name, bytes);
}
