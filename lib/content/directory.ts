import { defineQuery } from 'groq';
import { z } from 'zod';
import { authorPath, sourcePath, tagPath } from '../urls/paths.ts';
import { cacheLife, cacheTag } from './cached.ts';
import { listTag } from './cache-tags.ts';
import { articlesReferencingParent, isPublic, ownerFields } from './fragments.ts';
import { parseEach } from './parse.ts';
import type { Perspective } from './perspective.ts';
import { authorOwnerSchema, count, sourceOwnerSchema, tagOwnerSchema, withKindName } from './shapes.ts';
import { contentSource } from './sources/index.ts';
import type { QuerySource } from './sources/query-source.ts';

/*
 * The directories: every tag (/tags, the home page's topics, the section nav),
 * every source (/sources) and every author, each with how many public articles
 * it has. Listing routes also take their static params from here.
 */

export type DirectoryKind = 'tag' | 'source' | 'author';

const order = { tag: 'title', source: 'name', author: 'name' } as const;

const directoryQuery = (kind: DirectoryKind) =>
  defineQuery(`*[_type == "${kind}" && ${isPublic} && defined(slug.current)] | order(${order[kind]} asc){
  ${ownerFields[kind]},
  "count": count(${articlesReferencingParent})
}`);

export const directoryQueries = { tag: directoryQuery('tag'), source: directoryQuery('source'), author: directoryQuery('author') };

/** "1 article", "12 articles": how every directory and listing counts. */
export function articleCount(total: number): string {
  return total === 1 ? '1 article' : `${total} articles`;
}

const counted = { count };
const withCount = <T extends { count: number }>(entry: T) => ({ ...entry, countLabel: articleCount(entry.count) });

const schemas = {
  tag: tagOwnerSchema.extend(counted).transform((tag) => ({ ...withCount(tag), path: tagPath(tag.slug) })),
  source: sourceOwnerSchema.extend(counted).transform((source) => ({ ...withKindName(withCount(source)), path: sourcePath(source.slug) })),
  author: authorOwnerSchema.extend(counted).transform((author) => ({ ...withCount(author), path: authorPath(author.slug) })),
};

export type TagEntry = z.output<typeof schemas.tag>;
export type SourceEntry = z.output<typeof schemas.source>;
export type AuthorEntry = z.output<typeof schemas.author>;
export type Directory = { tag: TagEntry[]; source: SourceEntry[]; author: AuthorEntry[] };

export async function loadDirectory<K extends DirectoryKind>(source: QuerySource, kind: K, perspective: Perspective = 'published') {
  const raw = await source.query<unknown>(directoryQueries[kind], {}, perspective);
  return { value: parseEach(schemas[kind], raw, kind) as Directory[K], raw };
}

/** Every tag, source or author with its article count, in name order. */
export async function getDirectory<K extends DirectoryKind>(kind: K, perspective: Perspective = 'published'): Promise<Directory[K]> {
  'use cache';
  cacheLife('content');
  const { value } = await loadDirectory(contentSource(), kind, perspective);
  // Counts depend on every article, so a directory follows articles too.
  cacheTag(listTag(kind), listTag('article'));
  return value;
}

/** The section nav: the first eight topics that have articles. */
export async function getSections(): Promise<TagEntry[]> {
  return (await getDirectory('tag')).filter((tag) => tag.count > 0).slice(0, 8);
}
