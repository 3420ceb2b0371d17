import { articleProblems } from '../../sanity/lib/article-rules.ts';
import type { RawDocument } from '../dataset/ndjson.ts';
import { articleSlug, buildArticleDocument, type ArticleBuildOptions, type ArticleDocument } from './article-document.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { articlePath } from '../urls/paths.ts';
import { isSlug, SLUG_RULE } from '../urls/slug.ts';
import { documentId, importedArticleId, type TaxonomyType } from './references.ts';
import { findBySlug, findSourceByName, indexById, slugOf, sourceFromName, taxonomyFromSlug } from './taxonomy.ts';

export type ImportOptions = Omit<ArticleBuildOptions, 'signOffSource' | 'idOf'>;

export type ImportPlan = {
  action: 'created' | 'updated';
  /**
   * `published` when the article passes every rule the Studio checks before
   * publishing; otherwise `draft`: `article._id` is then `drafts.article-<slug>`,
   * for an editor to finish in the Studio, and `problems` says what is missing.
   */
  status: 'published' | 'draft';
  /** `field: message` for each failed rule, in the Studio's words. */
  problems: string[];
  /** A draft left by an earlier import that this publish replaces (the Studio deletes it on publish). */
  staleDraftId?: string;
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
 * The CLI, the sample build and `--to sanity` (sanity-import.ts, which sends
 * `documents` to the Content Lake instead of the NDJSON file) all go through here.
 */
export function planArticleImport(parsed: ParsedArticle, options: ImportOptions, dataset: RawDocument[]): ImportPlan {
  const byId = indexById(dataset);
  const created: RawDocument[] = [];
  const log: string[] = [];
  const idOf = (type: TaxonomyType, slug: string) => findBySlug(dataset, type, slug)?._id ?? documentId(type, slug);

  const ensure = (type: TaxonomyType, slugs: string[] | undefined): void => {
    for (const slug of slugs ?? []) {
      if (!isSlug(slug)) {
        throw new Error(`"${slug}" is not a ${type} slug: use ${SLUG_RULE}.`);
      }
      const id = idOf(type, slug);
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
      // A source with that slug under another name is the one meant (idOf then refers to it).
      if (!byId.has(doc._id) && !(signOffSource && findBySlug(dataset, 'source', signOffSource))) {
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
  const publishedId = importedArticleId(slug, (id) => dataset.some((doc) => doc._id === id && doc._type === 'article'));
  const other = findBySlug(dataset, 'article', slug);
  if (other && other._id !== publishedId) {
    // Importing would give two articles one URL; the one already there is an editor's to change.
    throw new Error(
      `An article with the slug "${slug}" already exists (${other._id}, not made by this importer): change it in the Studio, or give this one another slug with "slug:" in the front matter.`,
    );
  }
  const draftId = `drafts.${publishedId}`;
  const published = byId.get(publishedId);
  const draft = dataset.find((doc) => doc._id === draftId);
  if (published && published._type !== 'article') {
    throw new Error(`The id ${published._id} is already used by a ${published._type} document; give the article another slug.`);
  }
  // An earlier import's draft is the base when nothing is published yet: the editor's work in it is kept.
  const base = published ?? (draft ? { ...draft, _id: publishedId } : undefined);
  const article = buildArticleDocument(parsed, { ...options, signOffSource, idOf }, base);
  const problems = articleProblems(article).map(({ field, message }) => `${field}: ${message}`);
  const status = problems.length === 0 ? 'published' : 'draft';
  if (status === 'draft') {
    article._id = draftId;
    log.push(`not published: ${problems.length} rule(s) the Studio checks before publishing failed; finish ${draftId} in the Studio`);
    if (published) log.push(`the published ${publishedId} stays as it was until the draft is published`);
  }
  const plan: ImportPlan = {
    action: (status === 'draft' ? draft : published) ? 'updated' : 'created',
    status,
    problems,
    article,
    documents: [...created, article],
    log,
    path: articlePath(slug),
  };
  if (status === 'published' && draft) plan.staleDraftId = draftId;
  return plan;
}
