import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/env.ts';
import { parseArticleFile } from '../../lib/import/parse-article-file.ts';
import { importArticleToSanity } from '../../lib/import/sanity-import.ts';
import { createSanityWriteClient, sanityWriteConfigFrom } from '../../lib/import/sanity-write-client.ts';
import { startSanityApiFixture, type FixtureDocument, type SanityApiFixture } from '../fixtures/sanity-api/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedFile = `${root}sanity/sample-content/articles/seed-article.txt`;
const slug = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const now = '2026-11-26T08:00:00.000Z';

const existing: FixtureDocument[] = [
  { _id: 'tag-world', _type: 'tag', title: 'World', slug: { _type: 'slug', current: 'world' } },
  { _id: 'source-nextminutenews', _type: 'source', name: 'NextMinuteNews', slug: { _type: 'slug', current: 'nextminutenews' } },
];

let fixture: SanityApiFixture;
beforeEach(async () => {
  fixture = await startSanityApiFixture({ documents: existing, dataset: 'production', token: 'write-token' });
});
afterEach(() => fixture.close());

function client() {
  return createSanityWriteClient({ projectId: 'fixture', dataset: 'production', apiVersion: '2025-02-19', token: 'write-token', apiHost: fixture.url });
}

function seed() {
  return parseArticleFile(seedFile, readFileSync(seedFile, 'utf8'));
}

describe('importArticleToSanity (import --to sanity)', () => {
  it('updates an article an earlier import gave a slug over 100 characters, under its old article-<slug> id', async () => {
    await fixture.close();
    // Over 100 characters, yet short enough for Sanity's 128 as `drafts.article-<slug>`.
    const long = `${slug}-and-the-new-media-rules-here`;
    expect(long.length).toBeGreaterThan(100);
    const old = {
      _id: `article-${long}`,
      _type: 'article',
      title: 'Old',
      slug: { _type: 'slug', current: long },
      tags: [{ _type: 'reference', _ref: 'tag-world', _key: 'k1' }],
      featured: true,
    };
    fixture = await startSanityApiFixture({ documents: [...existing, old], dataset: 'production', token: 'write-token' });
    const result = await importArticleToSanity(client(), { ...seed(), slug: long }, { now });
    expect(result).toMatchObject({ action: 'updated', draftId: `drafts.article-${long}` });
    // The editor's tags and flags survive, as on any re-import.
    expect(fixture.get(`drafts.article-${long}`)).toMatchObject({ featured: true, tags: [expect.objectContaining({ _ref: 'tag-world' })] });
  });

  it("uses the Studio's own tags and sources (ids of Sanity's own) and refuses a slug a Studio article already has, writing nothing", async () => {
    await fixture.close();
    const studio: FixtureDocument[] = [
      { _id: '0b5e1c9a-studio-tag', _type: 'tag', title: 'World', slug: { _type: 'slug', current: 'world' } },
      { _id: '7d2f4e6b-studio-source', _type: 'source', name: 'NextMinuteNews', slug: { _type: 'slug', current: 'nextminutenews' } },
    ];
    fixture = await startSanityApiFixture({ documents: studio, dataset: 'production', token: 'write-token' });
    await importArticleToSanity(client(), seed(), { now, tags: ['world'], sources: ['nextminutenews'] });
    const draft = fixture.get(`drafts.article-${slug}`);
    expect((draft?.tags as { _ref: string }[]).map((ref) => ref._ref)).toEqual(['0b5e1c9a-studio-tag']);
    expect((draft?.sources as { _ref: string }[]).map((ref) => ref._ref)).toEqual(['7d2f4e6b-studio-source']);
    expect(fixture.get('tag-world')).toBeUndefined();

    await fixture.close();
    fixture = await startSanityApiFixture({
      documents: [...studio, { _id: '9a8b7c6d-studio-article', _type: 'article', title: 'Earlier', slug: { _type: 'slug', current: slug } }],
      dataset: 'production',
      token: 'write-token',
    });
    await expect(importArticleToSanity(client(), seed(), { now })).rejects.toThrow(/already exists \(9a8b7c6d-studio-article/);
    expect(fixture.requests.filter((request) => request.endpoint === 'mutate')).toHaveLength(0);
  });

  it('writes the article as a DRAFT and creates the missing tags and authors, published', async () => {
    const result = await importArticleToSanity(client(), seed(), { now, tags: ['world', 'central-asia'], authors: ['dana-reyes'] });
    expect(result).toMatchObject({ action: 'created', draftId: `drafts.article-${slug}`, path: `/articles/${slug}` });

    const draft = fixture.get(`drafts.article-${slug}`);
    expect(draft).toMatchObject({ _type: 'article', title: 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions' });
    expect(draft?.tags).toEqual([
      expect.objectContaining({ _type: 'reference', _ref: 'tag-world' }),
      expect.objectContaining({ _type: 'reference', _ref: 'tag-central-asia' }),
    ]);
    expect((draft?.sources as { _ref: string }[])[0]?._ref).toBe('source-nextminutenews');
    // Never published by the import: readers see nothing until an editor publishes.
    expect(fixture.get(`article-${slug}`)).toBeUndefined();
    expect(fixture.get('tag-central-asia')).toMatchObject({ _type: 'tag', title: 'Central Asia', slug: { current: 'central-asia' } });
    expect(fixture.get('author-dana-reyes')).toMatchObject({ _type: 'author', name: 'Dana Reyes' });
    expect(result.log.join('\n')).toContain('created tag tag-central-asia');
  });

  it('sends one transaction: createIfNotExists for taxonomy, createOrReplace for the draft, with the write token', async () => {
    await importArticleToSanity(client(), seed(), { now, tags: ['world', 'central-asia'] });
    const mutate = fixture.requests.filter((request) => request.endpoint === 'mutate');
    expect(mutate).toHaveLength(1);
    expect(mutate[0]!.authorization).toBe('Bearer write-token');
    const kinds = (mutate[0]!.body as { mutations: Record<string, { _id: string }>[] }).mutations.map(
      (m) => `${Object.keys(m)[0]} ${Object.values(m)[0]!._id}`,
    );
    expect(kinds).toEqual(['createIfNotExists tag-central-asia', `createOrReplace drafts.article-${slug}`]);
  });

  it('resolves existing taxonomy instead of touching it', async () => {
    await importArticleToSanity(client(), seed(), { now, tags: ['world'] });
    expect(fixture.get('tag-world')).toEqual(existing[0]);
    expect(fixture.get('source-nextminutenews')).toEqual(existing[1]);
  });

  it('a second import updates the same draft and keeps what the editor set there', async () => {
    await importArticleToSanity(client(), seed(), { now, tags: ['world'] });
    const first = fixture.get(`drafts.article-${slug}`)!;
    await importArticleToSanity(client(), seed(), { now: '2026-11-27T08:00:00.000Z' });
    const second = fixture.get(`drafts.article-${slug}`)!;
    expect(second.tags).toEqual(first.tags);
    expect(fixture.documents().filter((doc) => doc._id.includes(slug))).toHaveLength(1);
  });

  it('a Content Lake error fails the import with nothing half-written', async () => {
    fixture.mode = 'error';
    await expect(importArticleToSanity(client(), seed(), { now, tags: ['world'] })).rejects.toThrow();
    fixture.mode = 'ok';
    expect(fixture.documents()).toEqual(existing.map((doc) => expect.objectContaining(doc)));
  });
});

describe('sanityWriteConfigFrom', () => {
  it('names every missing variable, the write token first among them', () => {
    expect(() => sanityWriteConfigFrom(parseEnv({}))).toThrow(/NEXT_PUBLIC_SANITY_PROJECT_ID, SANITY_API_WRITE_TOKEN/);
    expect(() => sanityWriteConfigFrom(parseEnv({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc', NEXT_PUBLIC_SANITY_DATASET: 'production' }))).toThrow(
      /SANITY_API_WRITE_TOKEN/,
    );
  });
});

describe('npm run content -- import --to sanity', () => {
  const run = promisify(execFile);
  const env = () => ({
    ...process.env,
    NODE_NO_WARNINGS: '1',
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'fixture',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    SANITY_API_WRITE_TOKEN: 'write-token',
    SANITY_API_HOST: fixture.url,
  });

  it('creates the draft through the CLI and says it is a draft', async () => {
    const { stdout } = await run(process.execPath, ['scripts/content.ts', 'import', seedFile, '--to', 'sanity', '--tags', 'world,economy'], {
      cwd: root,
      env: env(),
    });
    expect(stdout).toContain(`created drafts.article-${slug}`);
    expect(stdout).toContain('publish it in the Studio');
    expect(fixture.get(`drafts.article-${slug}`)).toBeDefined();
    expect(fixture.get('tag-economy')).toBeDefined();
  });

  it('refuses clearly without a write token, before any request', async () => {
    const failure = await run(process.execPath, ['scripts/content.ts', 'import', seedFile, '--to', 'sanity'], {
      cwd: root,
      env: { ...env(), SANITY_API_WRITE_TOKEN: '' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('SANITY_API_WRITE_TOKEN') });
    expect(fixture.requests).toHaveLength(0);
  });
});
