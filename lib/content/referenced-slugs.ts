import { defineQuery } from 'groq';
import { z } from 'zod';
import { isPublic } from './fragments.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';
import type { ReferencedIds, SlugsByReference } from '../revalidate/referenced-slugs.ts';

/*
 * The slugs of the tags, sources and live blog a published document points at, by id, for the
 * publish pipeline: a webhook that sends the whole document names them by id only, and WebSub
 * names their feeds by slug (lib/revalidate/referenced-slugs.ts, which declares the shapes it asks and takes). Each id is looked up among its
 * own type, so a tag's id never yields an article's slug. Deliberately uncached, like health.ts:
 * it runs once per publish and must see the slugs as they are now.
 */

// Tags and sources are few; the blog is one article of thousands, so it is looked up by `_id ==`
// (an index lookup on the embedded source, where `_id in $ids` would read every article).
export const slugsByIdQuery = defineQuery(`{
  "tags": *[_type == "tag" && _id in $tags && ${isPublic}]{_id, "slug": slug.current},
  "sources": *[_type == "source" && _id in $sources && ${isPublic}]{_id, "slug": slug.current},
  "article": *[_type == "article" && _id == $article && ${isPublic}][0]{_id, "slug": slug.current}
}`);

const row = z.object({ _id: z.string(), slug: z.string().trim().min(1) });
// A row without a slug (a tag saved without one) is left out, not a failure of the others.
const rows = z
  .array(z.unknown())
  .catch([])
  .transform((list) => list.flatMap((item) => row.safeParse(item).data ?? []));
const resultSchema = z.object({ tags: rows, sources: rows, article: row.nullish().catch(null) });

export async function loadSlugsByReference(source: QuerySource, ids: ReferencedIds) {
  // An empty string, not null, when there is no blog: a non-string key would turn the lookup into a scan.
  const raw = await source.query<unknown>(slugsByIdQuery, { tags: [...ids.tags], sources: [...ids.sources], article: ids.article ?? '' }, 'published');
  const { tags, sources, article } = resultSchema.parse(raw);
  const value: SlugsByReference = {
    tags: new Map(tags.map(({ _id, slug }) => [_id, slug])),
    sources: new Map(sources.map(({ _id, slug }) => [_id, slug])),
    ...(article ? { article: article.slug } : {}),
  };
  return { value, raw };
}

/** The published slugs of the referenced documents the content knows (the publish webhook's WebSub step). */
export async function getSlugsByReference(ids: ReferencedIds): Promise<SlugsByReference> {
  return (await loadSlugsByReference(contentSource(), ids)).value;
}
