import { createSchema, type Source } from 'sanity';
import { createStructureBuilder, type StructureResolverContext } from 'sanity/structure';
import { describe, expect, it } from 'vitest';
import { schemaTypes } from '../../sanity/schema-types/index.ts';
import { ARTICLE_FILTERS, structure } from '../../sanity/structure.ts';

/** The parts of a Studio source the structure builder reads while building lists. */
function builder() {
  const schema = createSchema({ name: 'test', types: schemaTypes });
  const source = {
    schema,
    getClient: () => ({}),
    i18n: { t: (key: string) => key },
    currentUser: null,
    templates: [],
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

describe('Studio structure', () => {
  it('lists Live now and Articles first, then Tags, Sources and Authors, and Site settings last', () => {
    const items = rootItems().filter((item) => item.type !== 'divider');
    expect(items.map((item) => item.title)).toEqual(['Live now', 'Articles', 'Tags', 'Sources', 'Authors', 'Site settings']);
  });

  it('splits articles into Published, Scheduled and All, newest first', () => {
    expect(articleLists()).toEqual([
      { id: 'articles-published', title: 'Published', filter: '_type == "article" && publishedAt <= now()', ordering: [{ field: 'publishedAt', direction: 'desc' }] },
      { id: 'articles-scheduled', title: 'Scheduled', filter: '_type == "article" && publishedAt > now()', ordering: [{ field: 'publishedAt', direction: 'desc' }] },
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
});
