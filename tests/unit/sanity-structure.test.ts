import { createSchema, type Source } from 'sanity';
import { createStructureBuilder, type StructureResolverContext } from 'sanity/structure';
import { describe, expect, it } from 'vitest';
import { schemaTypes } from '../../sanity/schema-types/index.ts';
import { LIVE_UPDATE_TEMPLATE_ID, liveUpdateTemplate } from '../../sanity/live-structure.ts';
import { ARTICLE_FILTERS, structure } from '../../sanity/structure.ts';

/** The parts of a Studio source the structure builder reads while building lists. */
function builder() {
  const schema = createSchema({ name: 'test', types: schemaTypes });
  const source = {
    schema,
    getClient: () => ({}),
    i18n: { t: (key: string) => key },
    currentUser: null,
    templates: [liveUpdateTemplate],
    document: { resolveNewDocumentOptions: (options: unknown) => options, actions: () => [] },
  } as unknown as Source;
  return createStructureBuilder({ source, perspectiveStack: [] });
}

interface SerializedItem {
  id: string;
  title?: string;
  type: string;
  child?: unknown;
  schemaType?: { name: string } | string;
}

function rootItems() {
  const S = builder();
  const root = structure(S, {} as StructureResolverContext) as { serialize: () => { id: string; items: SerializedItem[] } };
  return root.serialize().items;
}

/** Builders serialize lazily; a child may be a builder or already serialized. */
function serialized<T>(node: unknown): T {
  const maybe = node as { serialize?: () => T };
  return typeof maybe.serialize === 'function' ? maybe.serialize() : (node as T);
}

function articleLists() {
  const articles = rootItems().find((item) => item.id === 'articles');
  const list = serialized<{ items: SerializedItem[] }>(articles?.child);
  return list.items.map((item) => {
    const documentList = serialized<{ options: { filter: string; defaultOrdering?: unknown } }>(item.child);
    return { id: item.id, title: item.title, filter: documentList.options.filter, ordering: documentList.options.defaultOrdering };
  });
}

type IntentChecker = (intent: string, params: Record<string, string>, context: { pane: unknown; index: number }) => boolean;
type IntentPane = { canHandleIntent?: IntentChecker; child?: unknown };

/** Whether a pane takes an intent, as the Studio asks it when it resolves "create" or "edit". */
function takes(pane: IntentPane, intent: string, params: Record<string, string>, index: number): boolean {
  return pane.canHandleIntent?.(intent, params, { pane, index }) === true;
}

function paneOf(id: string): IntentPane {
  return serialized<IntentPane>(rootItems().find((item) => item.id === id)?.child);
}

describe('Studio structure', () => {
  it('lists Live now and Articles first, then Tags, Sources and Authors, and Site settings last', () => {
    const items = rootItems().filter((item) => item.type !== 'divider');
    expect(items.map((item) => item.title)).toEqual(['Live now', 'Articles', 'Tags', 'Sources', 'Authors', 'Site settings']);
  });

  it('splits articles into Published, Scheduled and All, newest first', () => {
    expect(articleLists()).toEqual([
      {
        id: 'articles-published',
        title: 'Published',
        filter: '_type == "article" && publishedAt <= now()',
        ordering: [{ field: 'publishedAt', direction: 'desc' }],
      },
      {
        id: 'articles-scheduled',
        title: 'Scheduled',
        filter: '_type == "article" && publishedAt > now()',
        ordering: [{ field: 'publishedAt', direction: 'desc' }],
      },
      { id: 'articles-all', title: 'All articles', filter: '_type == "article"', ordering: [{ field: 'publishedAt', direction: 'desc' }] },
    ]);
    expect(ARTICLE_FILTERS.published).toContain('publishedAt <= now()');
  });

  it('Site settings opens the one siteSettings document, not a list', () => {
    const item = rootItems().find((entry) => entry.title === 'Site settings');
    const editor = serialized<{ type: string; options: { id: string; type: string } }>(item?.child);
    expect(editor.type).toBe('document');
    expect(editor.options).toMatchObject({ id: 'siteSettings', type: 'siteSettings' });
  });

  // Without these, "+ Article" and a restored revision opened a live blog's list of updates in place of the form.
  it('opens a new or edited article under All articles, never under Live now', () => {
    const article = { type: 'article', template: 'article', id: 'x' };
    expect(takes(paneOf('live-now'), 'create', article, 1)).toBe(false);
    expect(takes(paneOf('live-now'), 'edit', { type: 'article', id: 'x' }, 1)).toBe(false);
    const lists = serialized<{ items: SerializedItem[] }>(rootItems().find((item) => item.id === 'articles')?.child).items;
    const byId = Object.fromEntries(lists.map((item) => [item.id, serialized<IntentPane>(item.child)]));
    expect(takes(byId['articles-all']!, 'create', article, 2)).toBe(true);
    expect(takes(byId['articles-all']!, 'edit', { type: 'article', id: 'x' }, 2)).toBe(true);
    expect(takes(byId['articles-all']!, 'create', { type: 'tag', template: 'tag', id: 'x' }, 2)).toBe(false);
    expect(takes(byId['articles-published']!, 'create', article, 2)).toBe(false);
  });

  it("a live blog's updates list opens its New update beside it", () => {
    const child = paneOf('live-now').child as (id: string, options: unknown) => unknown;
    const updates = serialized<IntentPane & { initialValueTemplates: { templateId: string; parameters: unknown }[] }>(
      child('article-storm-kestrel-live', { params: {}, splitIndex: 0, path: [] }),
    );
    expect(updates.initialValueTemplates).toMatchObject([{ templateId: LIVE_UPDATE_TEMPLATE_ID, parameters: { articleId: 'article-storm-kestrel-live' } }]);
    expect(takes(updates, 'create', { type: 'liveUpdate', template: LIVE_UPDATE_TEMPLATE_ID, id: 'x' }, 2)).toBe(true);
    expect(takes(updates, 'create', { type: 'article', template: 'article', id: 'x' }, 2)).toBe(false);
  });
});
