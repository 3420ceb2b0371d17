/**
 * The sample's live blogs (sanity/sample-content/live/*.json): each article is
 * imported like every other sample article, then its coverage is started, its
 * updates are posted and, for an ended blog, its coverage is ended, all through
 * the live importer (lib/import/live-update.ts), as the `live` command would.
 * Each step's "now" is its own date in the file, so the bytes are reproducible.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDocument } from '../lib/dataset/ndjson.ts';
import { parseLiveUpdateText } from '../lib/import/live-update-body.ts';
import { liveUpdateId, nextUpdateNumber, planCoverageChange, planLiveUpdate } from '../lib/import/live-update.ts';

type SampleUpdate = { at: string; text: string; title?: string; keyEvent?: boolean; pinned?: boolean; authors?: string[]; draft?: boolean };
type SampleLiveBlog = { article: string; startedAt: string; endedAt?: string; updates: SampleUpdate[] };

/** Adds the live blogs' coverage and updates to `docs` (in place); `byFile` maps article files to their documents. */
export function addSampleLiveBlogs(liveDir: string, docs: RawDocument[], byFile: Map<string, RawDocument>): void {
  const files = readdirSync(liveDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of files) {
    const where = `sanity/sample-content/live/${name}`;
    try {
      const blog = JSON.parse(readFileSync(join(liveDir, name), 'utf8')) as SampleLiveBlog;
      const article = byFile.get(blog.article);
      if (!article) throw new Error(`no article ${blog.article} in sanity/sample-content/articles`);
      const slug = (article.slug as { current: string }).current;
      replace(docs, byFile, blog.article, planCoverageChange(slug, 'live', iso(blog.startedAt), docs).document);
      for (const [index, update] of blog.updates.entries()) {
        try {
          postUpdate(docs, slug, update);
        } catch (error) {
          throw new Error(`update ${index + 1}: ${(error as Error).message}`);
        }
      }
      if (blog.endedAt) replace(docs, byFile, blog.article, planCoverageChange(slug, 'ended', iso(blog.endedAt), docs).document);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
  }
}

function postUpdate(docs: RawDocument[], slug: string, update: SampleUpdate): void {
  const seed = liveUpdateId(
    slug,
    nextUpdateNumber(
      slug,
      docs.map((doc) => doc._id),
    ),
  );
  const parsed = parseLiveUpdateText(`${slug}.txt`, update.text, seed);
  const publishedAt = iso(update.at);
  // An embargoed update is "posted" now-ish; the sample's now is its last real date.
  const now = Date.parse(publishedAt) > Date.parse('2026-11-26T00:00:00Z') ? '2026-11-25T20:00:00.000Z' : publishedAt;
  const input = { body: parsed.body, publishedAt, keyEvent: update.keyEvent === true, pinned: update.pinned === true, authors: update.authors ?? [] };
  const plan = planLiveUpdate(slug, update.title === undefined ? input : { ...input, title: update.title }, now, docs);
  docs.push(update.draft ? { ...plan.document, _id: `drafts.${plan.document._id}` } : plan.document);
}

function replace(docs: RawDocument[], byFile: Map<string, RawDocument>, file: string, doc: RawDocument): void {
  const index = docs.findIndex((existing) => existing._id === doc._id);
  if (index < 0) throw new Error(`${doc._id} is not in the dataset`);
  docs[index] = doc;
  byFile.set(file, doc);
}

function iso(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`"${value}" is not a date`);
  return new Date(time).toISOString();
}
