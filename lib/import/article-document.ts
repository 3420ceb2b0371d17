import { contentHash, deterministicKey } from '../portable-text/keys.ts';
import { slugify } from '../portable-text/slugify.ts';
import type { PortableTextBlock } from '../portable-text/types.ts';
import type { Correction, ParsedArticle } from './parsed-article.ts';
import { documentId, referenceTo, type Reference, type TaxonomyType } from './references.ts';

export type ArticleDocument = {
  _id: string;
  _type: 'article';
  _rev: string;
  _createdAt: string;
  _updatedAt: string;
  title: string;
  slug: { _type: 'slug'; current: string };
  language: string;
  standfirst?: string;
  publishedAt: string;
  updatedAt?: string;
  body: PortableTextBlock[];
  tags: Reference[];
  sources: Reference[];
  authors: Reference[];
  corrections: { _type: 'correction'; _key: string; date: string; text: string }[];
  featured: boolean;
  [field: string]: unknown;
};

/**
 * Import-time choices. Slugs for tags, sources and authors must already exist
 * in the dataset (see planArticleImport, which creates the missing ones).
 * Each field, when given, wins over the parsed file's own value.
 */
export type ArticleBuildOptions = {
  /** The import time (ISO 8601): `_updatedAt`, and `publishedAt` for a new article. */
  now: string;
  /** Slug of the source the sign-off resolved to; becomes the lead source. */
  signOffSource?: string;
  /**
   * The id of the tag, source or author with this slug (planArticleImport finds one made in the
   * Studio, which has an id of Sanity's own); documentId's `<type>-<slug>` when not given.
   */
  idOf?: (type: TaxonomyType, slug: string) => string;
  tags?: string[];
  sources?: string[];
  authors?: string[];
  publishedAt?: string;
  updatedAt?: string;
  standfirst?: string;
  featured?: boolean;
  language?: string;
  corrections?: Correction[];
};

/** The slug an article gets: front-matter slug, else one generated from the title. */
export function articleSlug(parsed: Pick<ParsedArticle, 'title' | 'slug'>): string {
  const slug = parsed.slug ?? slugify(parsed.title);
  if (slug === '') throw new Error(`Cannot make a slug from the title "${parsed.title}": give one with "slug:" in the front matter.`);
  return slug;
}

/**
 * Builds the `article` document. With `existing` (the same slug imported
 * before) the copy itself (title, body, standfirst, sign-off source) is
 * replaced, while editorial choices (tags, authors, featured, corrections,
 * publishedAt, and fields the importer does not know, such as mainImage) are
 * kept unless given again.
 */
export function buildArticleDocument(parsed: ParsedArticle, options: ArticleBuildOptions, existing?: Record<string, unknown>): ArticleDocument {
  // Lengths, tags and links are the publish rules' business (planArticleImport): too long means a draft.
  const title = parsed.title.trim();
  const slug = articleSlug(parsed);
  const old = existing ?? {};
  // The article being updated keeps its id (one an earlier import gave, even under older rules).
  const id = typeof old._id === 'string' ? old._id : documentId('article', slug);

  // No standfirst given means none: the lede stays in the body, and summaries
  // (meta description, feeds, cards) cut the lede themselves. A generated one
  // would repeat the lede right above it on the page.
  const standfirst = options.standfirst ?? parsed.standfirst ?? '';

  const idOf = options.idOf ?? documentId;
  const tags = pick(options.tags, parsed.tags)?.map((s) => referenceTo(idOf('tag', s))) ?? refs(old.tags);
  const authors = pick(options.authors, parsed.authors)?.map((s) => referenceTo(idOf('author', s))) ?? refs(old.authors);
  const sources = leadFirst(
    options.signOffSource ? idOf('source', options.signOffSource) : undefined,
    pick(options.sources, parsed.sources)?.map((s) => idOf('source', s)),
    refs(old.sources).map((ref) => ref._ref),
  ).map(referenceTo);

  const corrections =
    pick(options.corrections, parsed.corrections)?.map((c, index) => ({
      _type: 'correction' as const,
      _key: deterministicKey(`${id}:correction`, index),
      date: c.date,
      text: c.text,
    })) ?? (Array.isArray(old.corrections) ? (old.corrections as ArticleDocument['corrections']) : []);

  const updatedAt = options.updatedAt ?? parsed.updatedAt ?? stringOr(old.updatedAt);
  const doc: ArticleDocument = {
    ...old,
    _id: id,
    _type: 'article',
    _rev: '',
    _createdAt: stringOr(old._createdAt) ?? options.now,
    _updatedAt: options.now,
    title,
    slug: { _type: 'slug', current: slug },
    language: options.language ?? parsed.language ?? stringOr(old.language) ?? 'en',
    standfirst,
    publishedAt: options.publishedAt ?? parsed.publishedAt ?? stringOr(old.publishedAt) ?? options.now,
    body: parsed.body,
    tags,
    sources,
    authors,
    corrections,
    featured: options.featured ?? parsed.featured ?? old.featured === true,
  };
  if (updatedAt !== undefined) doc.updatedAt = updatedAt;
  else delete doc.updatedAt;
  if (standfirst === '') delete doc.standfirst;

  // A new revision id whenever the content or the import time differs.
  doc._rev = contentHash(JSON.stringify({ ...doc, _rev: undefined }));
  return doc;
}

function pick<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((value) => value !== undefined);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function refs(value: unknown): Reference[] {
  if (!Array.isArray(value)) return [];
  return value.filter((ref): ref is Reference => typeof ref === 'object' && ref !== null && typeof (ref as Reference)._ref === 'string');
}

/**
 * The sign-off source leads. Given sources replace the old list; otherwise the
 * old list is kept with the new sign-off moved to the front (the previous lead
 * stays on as a secondary source only if it was listed after the lead too).
 */
function leadFirst(lead: string | undefined, given: string[] | undefined, old: string[]): string[] {
  const rest = given ?? (lead ? old.slice(1) : old);
  return [...new Set([...(lead ? [lead] : []), ...rest])];
}
