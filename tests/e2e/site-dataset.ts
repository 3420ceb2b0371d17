import { SITE_BUILD, TEST_SECRETS } from '../helpers/builds.ts';
import { getDocument, removeDocuments, snapshotDataset, upsertDocuments, type RawDocument } from '../helpers/dataset.ts';
import { publishWebhook } from '../helpers/webhook.ts';

/*
 * The e2e site's dataset (a copy made by scripts/build-test-sites.ts) and the editor's actions on
 * it: publish or delete documents, then the signed webhook Sanity would send. Specs restore the
 * snapshot they took, so they do not depend on their order.
 */
export const DATASET = SITE_BUILD.dataset!;
export const SECRET = TEST_SECRETS.SANITY_REVALIDATE_SECRET;
export { getDocument, snapshotDataset, type RawDocument };

/** Publishes documents and sends one webhook each; returns the tags the site expired. */
export async function publish(siteUrl: string, docs: RawDocument[]): Promise<string[]> {
  upsertDocuments(DATASET, docs);
  const tags: string[] = [];
  for (const doc of docs) tags.push(...(await publishWebhook(siteUrl, SECRET, doc)));
  return tags;
}

/** Deletes documents and sends the webhook for each, as Sanity does on delete. */
export async function unpublish(siteUrl: string, docs: RawDocument[]): Promise<void> {
  removeDocuments(
    DATASET,
    docs.map((doc) => doc._id),
  );
  for (const doc of docs) await publishWebhook(siteUrl, SECRET, doc);
}

/** Puts a snapshot back and tells the site about every document the test touched. */
export async function restore(siteUrl: string, putBack: () => void, touched: RawDocument[]): Promise<void> {
  putBack();
  for (const doc of touched) await publishWebhook(siteUrl, SECRET, doc);
}

const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });

/**
 * A new article as an editor would publish it, on sample tags, source and author (technology,
 * NextMinuteNews, Dana Reyes), published now unless `publishedAt` says otherwise.
 */
export function freshArticle(id: string, title: string, fields: Record<string, unknown> = {}): RawDocument {
  const now = new Date().toISOString();
  return {
    _id: id,
    _type: 'article',
    _createdAt: now,
    _updatedAt: now,
    title,
    slug: { _type: 'slug', current: id.replace(/^(drafts\.)?article-/, '') },
    language: 'en',
    standfirst: `${title}: the standfirst.`,
    publishedAt: now,
    tags: [ref('tag-technology', 't1')],
    sources: [ref('source-nextminutenews', 's1')],
    authors: [ref('author-dana-reyes', 'a1')],
    body: [
      {
        _type: 'block',
        _key: 'b1',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 'b1s', text: `${title}. An ordinary paragraph.`, marks: [] }],
      },
    ],
    ...fields,
  };
}
