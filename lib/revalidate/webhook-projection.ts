/*
 * The projection the Sanity publish webhook is set up with (docs/editors.md). Besides the
 * document's id, type and slugs (what tags-for-change.ts reads) and the slugs of the feeds
 * it is in (WebSub), it says whether the change can move the document into, out of or
 * within any list (`listsChanged`): an article edit that touched only what its own card and
 * page show (headline, standfirst, picture, body, corrections) cannot, so the lists that
 * show it are refreshed through its `doc:` key alone and every other list, page and edge copy
 * stays cached. Anything else — a new or deleted document, a new date, tag, source, author,
 * slug, language, featured flag or coverage, any other type — changes lists.
 * `_rev` and `_updatedAt` change with every edit, so they are named among the fields that
 * may change alone. Tested against groq-js's delta mode (tests/unit/webhook-projection.test.ts).
 */

/**
 * Article fields shown by its card and page that no list filters or orders by. Search does
 * match on the text ones; it is tagged `any:article`, which every article change expires.
 */
export const ARTICLE_DISPLAY_FIELDS = ['title', 'standfirst', 'mainImage', 'body', 'corrections'] as const;

export const WEBHOOK_PROJECTION = `{_id, _type, slug, previousSlugs, article, coverage,
 "tagSlugs": tags[]->slug.current, "sourceSlugs": sources[]->slug.current, "articleSlug": article->slug.current,
 "listsChanged": !(_type == "article" && delta::operation() == "update" && delta::changedOnly((_rev, _updatedAt, ${ARTICLE_DISPLAY_FIELDS.join(', ')})))}`;
