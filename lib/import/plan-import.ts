import type { RawDocument } from '../dataset/ndjson.ts';
import { articleSlug, buildArticleDocument, type ArticleBuildOptions, type ArticleDocument } from './article-document.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { documentId, type TaxonomyType } from './references.ts';
import { findSourceByName, indexById, slugOf, sourceFromName, taxonomyFromSlug } from './taxonomy.ts';

// Lowercase letters (any script) and digits joined by single hyphens; no dots, which would make an id private.
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

export type ImportOptions = Omit<ArticleBuildOptions, 'signOffSource'>;

export type ImportPlan = {
  action: 'created' | 'updated';
  article: ArticleDocument;
  /** Everything to upsert, new tags/sources/authors first, the article last. */
  documents: RawDocument[];
  /** One line per thing an editor should know about (created taxonomy, …). */
  log: string[];
  /** The public path of the article. */
  path: string;
};

/**
 * Decides what one import does to a dataset without touching it: resolves the
 * sign-off to a source, creates tags/sources/authors that do not exist yet, and
 * builds the article (updating the one with the same slug if there is one).
 * The CLI and the sample build both go through here; a future `--to sanity`
 * would send `documents` to the Content Lake instead of the NDJSON file.
 */
export function planArticleImport(parsed: ParsedArticle, options: ImportOptions, dataset: RawDocument[]): ImportPlan {
  const byId = indexById(dataset);
  const created: RawDocument[] = [];
  const log: string[] = [];

  const ensure = (type: TaxonomyType, slugs: string[] | undefined): void => {
    for (const slug of slugs ?? []) {
      if (!SLUG.test(slug)) {
        throw new Error(`"${slug}" is not a ${type} slug: use lowercase words joined by hyphens, such as "central-asia".`);
      }
      const id = documentId(type, slug);
      if (byId.has(id)) continue;
      const doc = taxonomyFromSlug(type, slug, options.now);
      byId.set(id, doc);
      created.push(doc);
      log.push(`created ${type} ${id} ("${(doc.title ?? doc.name) as string}"): give it a description in the Studio`);
    }
  };

  let signOffSource: string | undefined;
  if (parsed.sourceName) {
    const found = findSourceByName(byId, parsed.sourceName);
    if (found) {
      signOffSource = slugOf(found) ?? found._id.replace(/^source-/, '');
    } else {
      const doc = sourceFromName(parsed.sourceName, options.now);
      signOffSource = slugOf(doc);
      if (!byId.has(doc._id)) {
        byId.set(doc._id, doc);
        created.push(doc);
        log.push(`created source ${doc._id} ("${parsed.sourceName}", kind ${doc.kind as string}) from the sign-off`);
      }
    }
  }

  ensure('tag', options.tags ?? parsed.tags);
  ensure('source', options.sources ?? parsed.sources);
  ensure('author', options.authors ?? parsed.authors);

  const slug = articleSlug(parsed);
  const existing = byId.get(documentId('article', slug));
  if (existing && existing._type !== 'article') {
    throw new Error(`The id ${existing._id} is already used by a ${existing._type} document; give the article another slug.`);
  }
  const article = buildArticleDocument(parsed, { ...options, signOffSource }, existing);
  return {
    action: existing ? 'updated' : 'created',
    article,
    documents: [...created, article],
    log,
    path: `/articles/${article.slug.current}`,
  };
}
