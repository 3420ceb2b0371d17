import { createSchema, type Source } from 'sanity';
import { createStructureBuilder, type StructureResolverContext } from 'sanity/structure';
import { describe, expect, it } from 'vitest';
import { coverageEndRule, coverageStartRule, coverageStillLiveWarning, liveUpdatePreview } from '../../sanity/lib/coverage.ts';
import { LIVE_BLOGS_FILTER, LIVE_UPDATE_TEMPLATE_ID, LIVE_UPDATES_FILTER, liveUpdateTemplate } from '../../sanity/live-structure.ts';
import { schemaTypes } from '../../sanity/schema-types/index.ts';
import { structure } from '../../sanity/structure.ts';

type Field = {
  name: string;
  type: {
    name: string;
    jsonType: string;
    to?: Array<{ name: string }>;
    of?: Array<{ to?: Array<{ name: string }> }>;
    options?: { list?: Array<{ value: string }> };
  };
};

function fieldsOf(typeName: string): Map<string, Field['type']> {
  const type = createSchema({ name: 'test', types: schemaTypes }).get(typeName) as { fields: Field[] };
  return new Map(type.fields.map((field) => [field.name, field.type]));
}

describe('live coverage schema', () => {
  it('article carries coverage (live | ended) and its two bounds', () => {
    const fields = fieldsOf('article');
    expect(fields.get('coverage')?.options?.list?.map((item) => item.value)).toEqual(['live', 'ended']);
    expect(fields.get('coverageStartedAt')?.name).toBe('datetime');
    expect(fields.get('coverageEndedAt')?.name).toBe('datetime');
  });

  it('liveUpdate has the fields of the content model', () => {
    const fields = fieldsOf('liveUpdate');
    expect(fields.get('article')?.name).toBe('reference');
    expect(fields.get('article')?.to?.map((to) => to.name)).toEqual(['article']);
    expect([fields.get('publishedAt')?.name, fields.get('title')?.name, fields.get('body')?.name]).toEqual(['datetime', 'string', 'blockContent']);
    expect([fields.get('keyEvent')?.name, fields.get('pinned')?.name]).toEqual(['boolean', 'boolean']);
    expect(fields.get('authors')?.of?.flatMap((member) => member.to?.map((to) => to.name))).toEqual(['author']);
  });

  it('a live blog needs a start; an ended one an end not before the start', () => {
    expect(coverageStartRule({ coverage: 'live' })).toMatch(/started/);
    expect(coverageStartRule({ coverage: 'live', coverageStartedAt: '2026-11-01T08:00:00Z' })).toBe(true);
    expect(coverageStartRule({})).toBe(true);
    expect(coverageEndRule({ coverage: 'ended', coverageStartedAt: '2026-11-01T08:00:00Z' })).toMatch(/ended/);
    expect(coverageEndRule({ coverage: 'ended', coverageStartedAt: '2026-11-01T08:00:00Z', coverageEndedAt: '2026-11-01T07:00:00Z' })).toMatch(
      /cannot end before/,
    );
    expect(coverageEndRule({ coverage: 'ended', coverageStartedAt: '2026-11-01T08:00:00Z', coverageEndedAt: '2026-11-01T20:00:00Z' })).toBe(true);
    expect(coverageEndRule({ coverageEndedAt: '2026-11-01T20:00:00Z' })).toMatch(/only applies to a live blog/);
    expect(coverageStillLiveWarning({ coverage: 'live', coverageEndedAt: '2026-11-01T20:00:00Z' })).toMatch(/still marked Live/);
    expect(coverageStillLiveWarning({ coverage: 'ended', coverageEndedAt: '2026-11-01T20:00:00Z' })).toBe(true);
  });

  it('an update is listed by its title, else its first line, with time and flags', () => {
    const now = new Date('2026-11-02T00:00:00Z');
    expect(liveUpdatePreview({ title: 'Dam holds', publishedAt: '2026-11-01T08:05:00Z', keyEvent: true, pinned: true, article: 'Storm' }, now)).toEqual({
      title: 'Dam holds',
      subtitle: '1 Nov 2026, 08:05 UTC · Pinned · Key event · Storm',
    });
    expect(liveUpdatePreview({ text: 'Rain easing\nmore', publishedAt: '2026-12-01T08:05:00Z' }, now)).toEqual({
      title: 'Rain easing',
      subtitle: 'Scheduled 1 Dec 2026, 08:05 UTC',
    });
  });
});

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

/** Builders serialize lazily; a child may be a builder or already serialized. */
function serialized<T>(node: unknown): T {
  const maybe = node as { serialize?: () => T };
  return typeof maybe.serialize === 'function' ? maybe.serialize() : (node as T);
}

type Serialized = {
  id: string;
  title?: string;
  child?: unknown;
  options?: { filter: string; params?: Record<string, unknown>; defaultOrdering?: unknown };
  initialValueTemplates?: Array<{ templateId: string; parameters?: Record<string, unknown> }>;
};

describe('"Live now" in the Studio', () => {
  const S = builder();
  const root = (structure(S, {} as StructureResolverContext) as { serialize: () => { items: Serialized[] } }).serialize();
  const liveNow = root.items.find((item) => item.id === 'live-now');

  it('comes first and lists the running live blogs', () => {
    expect(root.items[0]?.title).toBe('Live now');
    const list = serialized<Serialized>(liveNow?.child);
    expect(list.options?.filter).toBe(LIVE_BLOGS_FILTER);
  });

  it('opens a live blog on its updates, newest first, with a template that points the new update at it', async () => {
    const list = serialized<Serialized & { child: (id: string, context: unknown) => unknown }>(liveNow?.child);
    const updates = serialized<Serialized>(await list.child('article-storm', { id: 'article-storm', parent: list }));
    expect(updates.options).toMatchObject({
      filter: LIVE_UPDATES_FILTER,
      params: { articleId: 'article-storm' },
      defaultOrdering: [{ field: 'publishedAt', direction: 'desc' }],
    });
    expect(updates.initialValueTemplates?.map((item) => [item.templateId, item.parameters])).toEqual([
      [LIVE_UPDATE_TEMPLATE_ID, { articleId: 'article-storm' }],
    ]);
    const value = await (liveUpdateTemplate.value as (params: { articleId: string }) => Record<string, unknown>)({ articleId: 'drafts.article-storm' });
    expect(value.article).toEqual({ _type: 'reference', _ref: 'article-storm' });
    expect(typeof value.publishedAt).toBe('string');
  });
});
