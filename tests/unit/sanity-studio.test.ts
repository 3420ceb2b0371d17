import { createSchema, resolveInitialValueForType, type DocumentActionComponent, type DocumentActionProps, type SchemaType } from 'sanity';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { articleUrl } from '../../sanity/lib/article-url.ts';
import { articlePreview, authorPreview, sourcePreview } from '../../sanity/lib/previews.ts';
import { schemaTypes } from '../../sanity/schema-types/index.ts';

// The publish wrapper patches through Sanity's document operations; record the patches instead.
const patchExecute = vi.fn();
vi.mock('sanity', async (importOriginal) => ({
  ...(await importOriginal<typeof import('sanity')>()),
  useDocumentOperation: () => ({ patch: { execute: patchExecute, disabled: false } }),
}));

const { documentActions } = await import('../../sanity/actions/index.ts');
const { withSlugHistory } = await import('../../sanity/actions/publish-with-slug-history.ts');
const { OpenOnSiteAction } = await import('../../sanity/actions/open-on-site.ts');

describe('initial values', () => {
  // The resolver schedules work through `window.scheduler` when there is one; an empty window runs it inline.
  beforeEach(() => {
    vi.stubGlobal('window', {});
    return () => vi.unstubAllGlobals();
  });

  it('a new article is published now, in English, not featured', async () => {
    const schema = createSchema({ name: 'test', types: schemaTypes });
    const before = Date.now();
    const value = await resolveInitialValueForType(schema.get('article') as SchemaType, {}, 3, {} as never);
    expect(value.language).toBe('en');
    expect(value.featured).toBe(false);
    const publishedAt = Date.parse(value.publishedAt);
    expect(publishedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(publishedAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('a new source is not state-affiliated', async () => {
    const schema = createSchema({ name: 'test', types: schemaTypes });
    const value = await resolveInitialValueForType(schema.get('source') as SchemaType, {}, 3, {} as never);
    expect(value.stateAffiliated).toBe(false);
  });
});

describe('document previews', () => {
  const now = new Date('2025-03-10T12:00:00Z');

  it('an article shows its headline, date and lead tag', () => {
    expect(articlePreview({ title: 'Harbour reopens', publishedAt: '2025-03-01T08:00:00Z', tag: 'Weather' }, now)).toEqual({
      title: 'Harbour reopens',
      subtitle: '1 Mar 2025 · Weather',
      media: undefined,
    });
  });

  it('an embargoed article says it is scheduled', () => {
    expect(articlePreview({ title: 'Budget', publishedAt: '2025-04-01T06:00:00Z' }, now).subtitle).toBe('Scheduled 1 Apr 2025');
  });

  it('an article without a title or date still previews', () => {
    expect(articlePreview({}, now)).toMatchObject({ title: 'Untitled article', subtitle: 'No publish date' });
  });

  it('a source shows its kind and a state-affiliated label', () => {
    expect(sourcePreview({ name: 'RT', kind: 'broadcaster', stateAffiliated: true })).toEqual({
      title: 'RT',
      subtitle: 'broadcaster · state-affiliated',
    });
    expect(sourcePreview({ name: 'Reuters', kind: 'wire', stateAffiliated: false })).toEqual({ title: 'Reuters', subtitle: 'wire' });
  });

  it('an author shows name and role', () => {
    expect(authorPreview({ name: 'Ana Lima', role: 'Europe correspondent' })).toEqual({
      title: 'Ana Lima',
      subtitle: 'Europe correspondent',
    });
  });
});

describe('article URL', () => {
  it('is <site>/articles/<slug>, whatever the trailing slash', () => {
    expect(articleUrl('https://news.example', 'harbour-reopens')).toBe('https://news.example/articles/harbour-reopens');
    expect(articleUrl('https://news.example/', 'harbour-reopens')).toBe('https://news.example/articles/harbour-reopens');
  });
});

function actionProps(overrides: Partial<DocumentActionProps>): DocumentActionProps {
  return {
    id: 'article-new-name',
    type: 'article',
    draft: null,
    published: null,
    version: null,
    liveEdit: false,
    liveEditSchemaType: false,
    ready: true,
    transactionSyncLock: null,
    release: undefined,
    scopeId: undefined,
    onComplete: () => {},
    initialValueResolved: true,
    ...overrides,
  } as DocumentActionProps;
}

const doc = (fields: Record<string, unknown>) => ({ _id: 'x', _type: 'article', _rev: 'r', _createdAt: '', _updatedAt: '', ...fields });

describe('publish with slug history', () => {
  const originalHandle = vi.fn();
  const fakePublish: DocumentActionComponent = () => ({ label: 'Publish', onHandle: originalHandle });
  fakePublish.action = 'publish';

  beforeEach(() => {
    patchExecute.mockReset();
    originalHandle.mockReset();
  });

  it('records the old slug before publishing a renamed article', () => {
    const action = withSlugHistory(fakePublish);
    const description = action(
      actionProps({
        published: doc({ slug: { current: 'old-name' }, previousSlugs: ['first-name'] }),
        draft: doc({ _id: 'drafts.x', slug: { current: 'new-name' }, previousSlugs: ['first-name'] }),
      }),
    );
    expect(description?.label).toBe('Publish');
    description?.onHandle?.();
    expect(patchExecute).toHaveBeenCalledWith([{ set: { previousSlugs: ['first-name', 'old-name'] } }]);
    expect(originalHandle).toHaveBeenCalledOnce();
    expect(patchExecute.mock.invocationCallOrder[0]).toBeLessThan(originalHandle.mock.invocationCallOrder[0] ?? 0);
    expect(action.action).toBe('publish');
  });

  it('publishes without a patch when the slug is unchanged or the article is new', () => {
    const action = withSlugHistory(fakePublish);
    action(actionProps({ published: doc({ slug: { current: 'same' } }), draft: doc({ slug: { current: 'same' } }) }))?.onHandle?.();
    action(actionProps({ published: null, draft: doc({ slug: { current: 'brand-new' } }) }))?.onHandle?.();
    expect(patchExecute).not.toHaveBeenCalled();
    expect(originalHandle).toHaveBeenCalledTimes(2);
  });

  it('the article resolver wraps Publish and adds Open on site; other types keep the defaults', () => {
    const other: DocumentActionComponent = () => null;
    const resolve = documentActions as (prev: DocumentActionComponent[], context: { schemaType: string }) => DocumentActionComponent[];
    const forArticle = resolve([fakePublish, other], { schemaType: 'article' });
    expect(forArticle).toHaveLength(3);
    expect(forArticle[0]).not.toBe(fakePublish);
    expect(forArticle[0]?.action).toBe('publish');
    expect(forArticle[1]).toBe(other);
    expect(forArticle[2]).toBe(OpenOnSiteAction);
    expect(resolve([fakePublish, other], { schemaType: 'tag' })).toEqual([fakePublish, other]);
  });
});

describe('Open on site', () => {
  it('opens the published article in a new tab', () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open, location: { origin: 'https://news.example' } });
    try {
      const description = OpenOnSiteAction(actionProps({ published: doc({ slug: { current: 'harbour-reopens' }, publishedAt: '2025-03-01T08:00:00Z' }) }));
      expect(description).toMatchObject({ label: 'Open on site', disabled: false });
      description?.onHandle?.();
      expect(open).toHaveBeenCalledWith(expect.stringMatching(/\/articles\/harbour-reopens$/), '_blank', 'noopener,noreferrer');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is disabled, saying why, for an unpublished or embargoed article', () => {
    const unpublished = OpenOnSiteAction(actionProps({ draft: doc({ slug: { current: 'draft-only' } }) }));
    expect(unpublished).toMatchObject({ disabled: true, title: 'Publish the article first: the site shows published articles only.' });
    const embargoed = OpenOnSiteAction(
      actionProps({ published: doc({ slug: { current: 'budget' }, publishedAt: new Date(Date.now() + 86_400_000).toISOString() }) }),
    );
    expect(embargoed).toMatchObject({ disabled: true, title: 'Scheduled: the article is not public until its publish time.' });
  });
});
