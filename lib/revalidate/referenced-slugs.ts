import type { DocumentChange, ResolvedChange } from './change.ts';

/*
 * The slugs of what a change points at (its tags, its sources, a live update's blog), which
 * name the feeds WebSub is told about. The projection carries them; Sanity's default payload,
 * the whole document, carries only the referenced ids, so those are looked up in the content
 * (lib/content/referenced-slugs.ts). Never read off an id: ids made in the Studio are random,
 * and one that looks like `tag-ca` may belong to the tag `central-asia`.
 */

/** The ids to look up, by the type each must be; the answer holds only those the content knows. */
export type ReferencedIds = { tags: readonly string[]; sources: readonly string[]; article?: string };
export type SlugsByReference = { tags: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string>; article?: string };
export type SlugLookup = (ids: ReferencedIds) => Promise<SlugsByReference>;

const NOTHING: SlugsByReference = { tags: new Map(), sources: new Map() };

/**
 * Fills in the referenced slugs the payload did not carry. A reference content does not know
 * (deleted, unpublished) or a failed lookup names no feed: a missed ping costs subscribers
 * freshness until their next poll, a guessed one pings a feed that does not exist.
 */
export async function withReferencedSlugs(change: DocumentChange, lookup: SlugLookup | undefined, log: (message: string) => void): Promise<ResolvedChange> {
  const wanted: ReferencedIds = {
    tags: change.tagSlugs ? [] : change.tagIds,
    sources: change.sourceSlugs ? [] : change.sourceIds,
    ...(change.type === 'liveUpdate' && change.articleSlug === undefined && change.article ? { article: change.article } : {}),
  };
  let found = NOTHING;
  if (lookup && (wanted.tags.length > 0 || wanted.sources.length > 0 || wanted.article)) {
    try {
      found = await lookup(wanted);
    } catch (error) {
      log(`[websub] the slugs of what ${change.id} references could not be read (${(error as Error).message}): their feeds are not pinged`);
    }
  }
  const slugsOf = (ids: readonly string[], slugs: ReadonlyMap<string, string>) => ids.flatMap((id) => slugs.get(id) ?? []);
  const articleSlug = change.articleSlug ?? found.article;
  return {
    ...change,
    tagSlugs: change.tagSlugs ?? slugsOf(wanted.tags, found.tags),
    sourceSlugs: change.sourceSlugs ?? slugsOf(wanted.sources, found.sources),
    ...(articleSlug ? { articleSlug } : {}),
  };
}
