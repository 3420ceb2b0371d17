import type { SanityClient } from '@sanity/client';
import type { RawDocument } from '../dataset/ndjson.ts';
import { isPublic } from '../content/fragments.ts';
import { liveUpdatePrefix, planCoverageChange, planLiveUpdate, type LiveUpdateInput } from './live-update.ts';

export type LiveSanityResult = { id: string; path: string; log: string[]; transactionId: string };

// Just what the planner checks: the article (by its slug: one started in the Studio has an id of its own), the blog's update ids (drafts too) and the authors, by slug.
const contextQuery = `{
  "article": *[_type == "article" && slug.current == $slug && ${isPublic}][0],
  "updates": *[_type == "liveUpdate" && (string::startsWith(_id, $prefix) || string::startsWith(_id, "drafts." + $prefix))]{_id, _type},
  "authors": *[_type == "author" && slug.current in $authorSlugs && ${isPublic}]{_id, _type, slug}
}`;

type Context = { article: RawDocument | null; updates: RawDocument[] | null; authors: RawDocument[] | null };

async function readContext(client: SanityClient, slug: string, authors: string[]): Promise<RawDocument[]> {
  const found = await client.fetch<Context>(contextQuery, { slug, prefix: liveUpdatePrefix(slug), authorSlugs: authors }, { perspective: 'raw' });
  return [...(found.article ? [found.article] : []), ...(found.updates ?? []), ...(found.authors ?? [])];
}

/**
 * Posts an update straight to the Content Lake, PUBLISHED: unlike an imported
 * article, an update to a running live blog goes out at once (the blog itself
 * was approved when it was published). Same plan and checks as the NDJSON path;
 * `create` refuses a taken id instead of overwriting another editor's update.
 */
export async function postLiveUpdateToSanity(client: SanityClient, slug: string, input: LiveUpdateInput, now: string): Promise<LiveSanityResult> {
  const plan = planLiveUpdate(slug, input, now, await readContext(client, slug, input.authors ?? []));
  const { _rev, _createdAt, _updatedAt, ...doc } = plan.document;
  void _rev;
  void _createdAt;
  void _updatedAt;
  const committed = await client.transaction().create(doc).commit({ visibility: 'sync' });
  return { id: doc._id, path: plan.path, log: plan.log, transactionId: committed.transactionId };
}

/** Starts or ends a live blog in the Content Lake: a patch of the two coverage fields only. */
export async function changeCoverageInSanity(client: SanityClient, slug: string, coverage: 'live' | 'ended', now: string): Promise<LiveSanityResult> {
  const context = await readContext(client, slug, []);
  const plan = planCoverageChange(slug, coverage, now, context);
  const current = context.find((doc) => doc._id === plan.document._id);
  const set: Record<string, unknown> = { coverage };
  if (coverage === 'ended') set.coverageEndedAt = plan.document.coverageEndedAt;
  else set.coverageStartedAt = plan.document.coverageStartedAt;
  const patch = client
    .patch(plan.document._id)
    .ifRevisionId(String(current?._rev ?? ''))
    .set(set);
  if (coverage === 'live') patch.unset(['coverageEndedAt']);
  const committed = await client.transaction().patch(patch).commit({ visibility: 'sync' });
  return { id: plan.document._id, path: plan.path, log: plan.log, transactionId: committed.transactionId };
}
