import type { SanityClient, Transaction } from '@sanity/client';
import type { RawDocument } from '../dataset/ndjson.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { planArticleImport, type ImportOptions, type ImportPlan } from './plan-import.ts';
import { readExistingArticle, withoutSystemFields } from './sanity-import.ts';

export type ApiImportResult = { plan: ImportPlan; transactionId: string };

/**
 * The NDJSON import's outcome, written through a Content Lake's HTTP API instead of the file: the
 * local lake, while it runs, owns the dataset file and would overwrite a direct write from memory.
 * Same plan and same result as the file import (published when the Studio's rules pass, else a
 * draft; an earlier import's draft removed when published over), unlike `--to sanity`, which
 * always leaves a draft for an editor. Each document the plan read is held to the revision it
 * had: an editor's save in the Studio between read and write makes the lake refuse the whole
 * transaction (409) instead of the import silently replacing that save.
 */
export async function importArticleThroughApi(client: SanityClient, parsed: ParsedArticle, options: ImportOptions): Promise<ApiImportResult> {
  const { published, draft, taxonomy } = await readExistingArticle(client, parsed);
  // As the file import sees them: the published article and its draft, each under its own id.
  const plan = planArticleImport(parsed, options, [...taxonomy, ...(published ? [published] : []), ...(draft ? [draft] : [])]);
  const read = new Map([published, draft].filter((doc): doc is RawDocument => doc !== null).map((doc) => [doc._id, doc]));

  const transaction = client.transaction();
  for (const doc of plan.documents) {
    if (doc._id !== plan.article._id) {
      transaction.createIfNotExists(withoutSystemFields(doc));
      continue;
    }
    const before = read.get(doc._id);
    if (before) guard(transaction, client, before).createOrReplace(withoutSystemFields(doc));
    // Absent when read: `create` refuses if someone made it since.
    else transaction.create(withoutSystemFields(doc));
  }
  const stale = plan.staleDraftId ? read.get(plan.staleDraftId) : undefined;
  if (stale) guard(transaction, client, stale).delete(stale._id);
  const committed = await transaction.commit({ visibility: 'sync' });
  return { plan, transactionId: committed.transactionId };
}

/** A patch that changes nothing but fails the transaction unless the document is still as read. */
function guard(transaction: Transaction, client: SanityClient, doc: RawDocument): Transaction {
  return transaction.patch(client.patch(doc._id).ifRevisionId(String(doc._rev ?? '')));
}
