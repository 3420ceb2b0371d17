import type { StructureResolver } from 'sanity/structure';
import { apiVersion } from './env.ts';
import { siteSettingsItem } from './lib/singletons.ts';
import { liveNowItem } from './live-structure.ts';

/**
 * GROQ filters for the article lists. "Published" means public now; a future
 * `publishedAt` is an embargo, so those articles sit under "Scheduled".
 */
export const ARTICLE_FILTERS = {
  published: '_type == "article" && publishedAt <= now()',
  scheduled: '_type == "article" && publishedAt > now()',
  all: '_type == "article"',
} as const;

const NEWEST_FIRST = [{ field: 'publishedAt', direction: 'desc' as const }];

/**
 * "All articles" is where a new or edited article opens when the Studio resolves an intent (the
 * + buttons, "Create new document", a restored revision, a reference): a list two levels deep
 * handles none by default, and "Live now" (which opens updates, not an editor) must not take them.
 */
export const handlesArticleIntent = (intent: string, params: { type?: string; template?: string }) =>
  (intent === 'create' || intent === 'edit') && params.type === 'article' && (params.template === undefined || params.template === 'article');

export const structure: StructureResolver = (S) => {
  const articleList = (id: keyof typeof ARTICLE_FILTERS, title: string) =>
    S.listItem()
      .id(`articles-${id}`)
      .title(title)
      .schemaType('article')
      .child(
        S.documentList()
          .id(`articles-${id}`)
          .title(title)
          .schemaType('article')
          .apiVersion(apiVersion)
          .filter(ARTICLE_FILTERS[id])
          .defaultOrdering(NEWEST_FIRST)
          .canHandleIntent((intent, params) => id === 'all' && handlesArticleIntent(intent, params)),
      );

  return S.list()
    .id('content')
    .title('Content')
    .items([
      liveNowItem(S, apiVersion),
      S.listItem()
        .id('articles')
        .title('Articles')
        .schemaType('article')
        .child(
          S.list()
            .id('articles')
            .title('Articles')
            .items([articleList('published', 'Published'), articleList('scheduled', 'Scheduled'), articleList('all', 'All articles')]),
        ),
      S.divider(),
      S.documentTypeListItem('tag').title('Tags'),
      S.documentTypeListItem('source').title('Sources'),
      S.documentTypeListItem('author').title('Authors'),
      S.divider(),
      siteSettingsItem(S),
    ]);
};
