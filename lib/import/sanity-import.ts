import type { SanityClient } from '@sanity/client';
import type { RawDocument } from '../dataset/ndjson.ts';
import { articleSlug } from './article-document.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { planArticleImport, type ImportOptions } from './plan-import.ts';
import { isPublic } from '../content/fragments.ts';
import { documentId, importedArticleId } from './references.ts';

export type SanityImportResult = {
  action: 'created' | 'updated';
  /** `drafts.article-<slug>`: an editor reviews and publishes it in the Studio. */
  draftId: string;
  path: string;
  log: string[];
  /** The publish rules the draft still fails (sanity/lib/article-rules.ts), as the Studio will show them. */
  problems: string[];
  transactionId: string;
  /** What each mutation did, by id (`create`, `update`, `none` for taxonomy that already existed). */
  results: { id: string; operation: string }[];
};

// Enough of each taxonomy document for planArticleImport: ids, slugs and source names.
const existingQuery = `{
  "taxonomy": *[_type in ["tag", "source", "author"] && ${isPublic}]{_id, _type, name, title, slug},
  "published": *[_id == $id][0],
  "draft": *[_id == $draftId][0],
  "legacy": *[_id == $legacyId][0],
  "legacyDraft": *[_id == "drafts." + $legacyId][0],
  "sameSlug": *[_type == "article" && slug.current == $slug && _id != $id && ${isPublic}][0...1]{_id, _type, slug}
}`;

type Existing = {
  taxonomy: RawDocument[] | null;
  published: RawDocument | null;
  draft: RawDocument | null;
  legacy: RawDocument | null;
  legacyDraft: RawDocument | null;
  sameSlug: RawDocument[] | null;
};

export type ExistingArticle = {
  /** `article-<slug>`, or the longer-slug id an earlier import gave it. */
  id: string;
  published: RawDocument | null;
  draft: RawDocument | null;
  /** Tags, sources and authors, plus any other article with the slug (the plan refuses then). */
  taxonomy: RawDocument[];
};

/** What a Content Lake holds that one import plans against: far less than the whole dataset. */
export async function readExistingArticle(client: SanityClient, parsed: ParsedArticle): Promise<ExistingArticle> {
  const slug = articleSlug(parsed);
  // An article an earlier import wrote as `article-<slug>` (an ASCII slug over 100 characters) keeps that id.
  const legacyId = `article-${slug}`;
  const existing = await client.fetch<Existing>(
    existingQuery,
    { id: documentId('article', slug), draftId: `drafts.${documentId('article', slug)}`, legacyId, slug },
    { perspective: 'raw' },
  );
  const id = importedArticleId(slug, (candidate) => [existing.legacy, existing.legacyDraft].some((doc) => doc?._id === candidate));
  const [published, draft] = id === legacyId ? [existing.legacy, existing.legacyDraft] : [existing.published, existing.draft];
  return { id, published, draft, taxonomy: [...(existing.taxonomy ?? []), ...(existing.sameSlug ?? [])] };
}

/**
 * Imports one parsed article into the Content Lake as a DRAFT, through the same
 * plan as the NDJSON import: tags, sources and authors are resolved or created
 * (published, with createIfNotExists, so the article can be published as soon
 * as an editor approves it), and the article is written to
 * `drafts.article-<slug>` in one transaction. An existing draft is the base of
 * the update (the editor's tags and flags survive), else the published article.
 */
export async function importArticleToSanity(client: SanityClient, parsed: ParsedArticle, options: ImportOptions): Promise<SanityImportResult> {
  const { id, published, draft, taxonomy } = await readExistingArticle(client, parsed);
  const draftId = `drafts.${id}`;
  const base = draft ? { ...draft, _id: id } : published;
  // Another article with this slug (one made in the Studio) makes the plan refuse, as in the dataset;
  // the article itself, whole, comes last so its fields are the ones planned from.
  const plan = planArticleImport(parsed, options, [...taxonomy, ...(base ? [base] : [])]);

  const transaction = client.transaction();
  for (const doc of plan.documents) {
    if (doc._id === plan.article._id) transaction.createOrReplace({ ...withoutSystemFields(doc), _id: draftId });
    else transaction.createIfNotExists(withoutSystemFields(doc));
  }
  const committed = await transaction.commit({ visibility: 'sync' });
  return {
    action: plan.action,
    draftId,
    path: plan.path,
    log: plan.log,
    problems: plan.problems,
    transactionId: committed.transactionId,
    results: committed.results.map((result) => ({ id: result.id, operation: result.operation })),
  };
}

/** The Content Lake sets `_rev`, `_createdAt` and `_updatedAt` itself. */
export function withoutSystemFields(doc: RawDocument): RawDocument {
  const copy: RawDocument = { ...doc };
  delete copy._rev;
  delete copy._createdAt;
  delete copy._updatedAt;
  return copy;
}
