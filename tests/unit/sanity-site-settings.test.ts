import { createSchema, type DocumentActionComponent, type Template } from 'sanity';
import { describe, expect, it } from 'vitest';
import { documentActions } from '../../sanity/actions/index.ts';
import { withoutSingletonTemplates } from '../../sanity/lib/singletons.ts';
import { schemaTypes } from '../../sanity/schema-types/index.ts';
import { messages, validate } from '../helpers/sanity-validate.ts';

const settings = (breakingNews: Record<string, unknown> | undefined) => ({
  _id: 'siteSettings',
  _type: 'siteSettings',
  _rev: 'r1',
  _createdAt: '2025-03-01T08:00:00Z',
  _updatedAt: '2025-03-01T08:00:00Z',
  ...(breakingNews ? { breakingNews } : {}),
});

const banner = (overrides: Record<string, unknown> = {}) => ({
  text: 'Polls have closed in the general election',
  article: { _type: 'reference', _ref: 'article-election-results' },
  expiresAt: '2025-03-02T06:00:00Z',
  ...overrides,
});

describe('siteSettings schema', () => {
  it('holds breakingNews { text, article → article, expiresAt }', () => {
    const type = createSchema({ name: 'test', types: schemaTypes }).get('siteSettings') as {
      fields: Array<{ name: string; type: { fields: Array<{ name: string; type: { name: string; to?: Array<{ name: string }> } }> } }>;
    };
    const breaking = type.fields.find((field) => field.name === 'breakingNews');
    const fields = new Map(breaking?.type.fields.map((field) => [field.name, field.type]));
    expect([...fields.keys()]).toEqual(['text', 'article', 'expiresAt']);
    expect(fields.get('text')?.name).toBe('string');
    expect(fields.get('article')?.to?.map((to) => to.name)).toEqual(['article']);
    expect(fields.get('expiresAt')?.name).toBe('datetime');
  });
});

describe('siteSettings validation', () => {
  it('a banner with text, article and expiry passes; so do no banner and a banner without an article', async () => {
    expect(await validate(settings(banner()))).toEqual([]);
    expect(await validate(settings(undefined))).toEqual([]);
    expect(await validate(settings(banner({ article: undefined })))).toEqual([]);
  });

  it('141 characters are too many; 140 are fine', async () => {
    expect(messages(await validate(settings(banner({ text: 'x'.repeat(141) }))))).toEqual(['breakingNews.text: Keep the banner to 140 characters or fewer.']);
    expect(await validate(settings(banner({ text: 'x'.repeat(140) })))).toEqual([]);
  });

  it('a banner needs an expiry, and an expiry or article needs text', async () => {
    expect(messages(await validate(settings(banner({ expiresAt: undefined }))))).toEqual([
      'breakingNews.expiresAt: Set when the banner comes down: it shows until then.',
    ]);
    expect(messages(await validate(settings(banner({ text: '  ' }))))).toEqual(['breakingNews.text: Write the banner text, or clear the banner.']);
  });
});

describe('siteSettings is a singleton', () => {
  const template = (schemaType: string): Template => ({ id: schemaType, title: schemaType, schemaType, value: {} });

  it('is hidden from the new-document menus', () => {
    const kept = withoutSingletonTemplates([template('article'), template('siteSettings'), template('tag')]);
    expect(kept.map((entry) => entry.schemaType)).toEqual(['article', 'tag']);
  });

  it('offers publish, discard, restore and unpublish, never duplicate or delete', () => {
    const action = (name: string) => Object.assign((() => null) as DocumentActionComponent, { action: name });
    const all = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete', 'restore'].map(action);
    const resolve = documentActions as (prev: DocumentActionComponent[], context: { schemaType: string }) => DocumentActionComponent[];
    expect(resolve(all, { schemaType: 'siteSettings' }).map((entry) => entry.action)).toEqual(['publish', 'unpublish', 'discardChanges', 'restore']);
    expect(resolve(all, { schemaType: 'tag' })).toEqual(all);
  });
});
