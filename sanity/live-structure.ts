import type { StructureBuilder } from 'sanity/structure';
import type { Template } from 'sanity';

/** The initial-value template behind "New update" in a live blog's list of updates. */
export const LIVE_UPDATE_TEMPLATE_ID = 'liveUpdate-for-article';

export const LIVE_BLOGS_FILTER = '_type == "article" && coverage == "live"';
export const LIVE_UPDATES_FILTER = '_type == "liveUpdate" && article._ref == $articleId';

const NEWEST_FIRST = [{ field: 'publishedAt', direction: 'desc' as const }];

/** A new update already pointing at its live blog, published now. */
export const liveUpdateTemplate: Template = {
  id: LIVE_UPDATE_TEMPLATE_ID,
  title: 'Update for a live blog',
  schemaType: 'liveUpdate',
  parameters: [{ name: 'articleId', type: 'string' }],
  value: (params: { articleId?: string }) => ({
    ...(params.articleId ? { article: { _type: 'reference', _ref: params.articleId.replace(/^drafts\./, '') } } : {}),
    publishedAt: new Date().toISOString(),
  }),
};

/**
 * "Live now": the running live blogs; each opens its updates newest first,
 * with a "New update" button that creates an update already pointing at it.
 */
export function liveNowItem(S: StructureBuilder, apiVersion: string) {
  return S.listItem()
    .id('live-now')
    .title('Live now')
    .schemaType('article')
    .child(
      S.documentList()
        .id('live-now')
        .title('Live now')
        .schemaType('article')
        .apiVersion(apiVersion)
        .filter(LIVE_BLOGS_FILTER)
        .defaultOrdering([{ field: 'coverageStartedAt', direction: 'desc' }])
        // A live blog here opens its updates, not an editor: the Studio resolves "create article" and
        // "edit article" (the + buttons, a restore, a reference) to the first article list it finds,
        // which would be this one, and show an updates list where the editor expects the form.
        .canHandleIntent(() => false)
        .child((articleId: string) =>
          S.documentList()
            .id(`live-updates-${articleId}`)
            .title('Updates')
            .schemaType('liveUpdate')
            .apiVersion(apiVersion)
            .filter(LIVE_UPDATES_FILTER)
            .params({ articleId: articleId.replace(/^drafts\./, '') })
            .defaultOrdering(NEWEST_FIRST)
            // Its "New update" opens the form beside this list; by default a list this deep handles no
            // intent, and the new update would open alone in place of the structure.
            .canHandleIntent((intent, params) => intent === 'create' && params.template === LIVE_UPDATE_TEMPLATE_ID)
            // Last: any later builder call infers the templates again (sanity 6.16's clone forgets them were set).
            .initialValueTemplates([S.initialValueTemplateItem(LIVE_UPDATE_TEMPLATE_ID, { articleId })]),
        ),
    );
}
