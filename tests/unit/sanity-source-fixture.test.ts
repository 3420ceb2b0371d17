import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadArticle } from '../../lib/content/article.ts';
import { loadHome } from '../../lib/content/home.ts';
import { loadListing } from '../../lib/content/listing.ts';
import { createSanitySource } from '../../lib/content/sources/sanity.ts';
import { startSanityApiFixture, type FixtureDocument, type SanityApiFixture } from '../fixtures/sanity-api/server.ts';

/*
 * The site's loaders through @sanity/client (next-sanity's createClient) against
 * the local Content Lake fixture: the same requests the site makes against
 * api.sanity.io, answered by groq-js over the sample dataset.
 */
const sample = readFileSync(fileURLToPath(new URL('../../sanity/sample-dataset/data.ndjson', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureDocument);

const lake = 'lake-sorrel-water-levels-reach-40-year-low';
const DRAFT_TITLE = 'DRAFT: Lake Sorrel Falls to Lowest Level in Four Decades';
let fixture: SanityApiFixture;

beforeAll(async () => {
  fixture = await startSanityApiFixture({ documents: sample, dataset: 'production', token: 'read-token' });
});
afterAll(() => fixture.close());
beforeEach(() => {
  fixture.mode = 'ok';
  fixture.requests.length = 0;
});

function source(token?: string) {
  return createSanitySource({
    kind: 'sanity',
    projectId: 'fixture',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: fixture.url,
    token,
  });
}

describe('createSanitySource against the Content Lake fixture', () => {
  it('reads the published article, never its draft, and sends the slug as a parameter', async () => {
    const { value } = await loadArticle(source('read-token'), lake);
    expect(value?.title).toBe('Lake Sorrel Water Levels Reach 40-Year Low');
    const request = fixture.requests.at(-1)!;
    expect(request.path).toBe('/v2025-02-19/data/query/production');
    expect(request.search.get('$slug')).toBe(JSON.stringify(lake));
    expect(request.search.get('perspective')).toBe('published');
    expect(request.search.get('query')).toContain('slug.current == $slug');
  });

  it('lists home and a tag page with published articles only', async () => {
    const { value: home } = await loadHome(source());
    const titles = [...home.featured, ...home.latest].map((article) => article.title);
    expect(titles).toContain('Lake Sorrel Water Levels Reach 40-Year Low');
    expect(titles).not.toContain(DRAFT_TITLE);

    const { value: climate } = await loadListing(source(), 'tag', 'climate', 1, 20);
    expect(climate?.title).toBe('Climate');
    // The published headline where the draft's would be: the fixture holds both under one id.
    const listed = climate?.articles.map((article) => article.title);
    expect(listed).toContain('Lake Sorrel Water Levels Reach 40-Year Low');
    expect(listed).not.toContain(DRAFT_TITLE);
    const request = fixture.requests.at(-1)!;
    expect([request.search.get('$slug'), request.search.get('$start'), request.search.get('$end')]).toEqual(['"climate"', '0', '20']);
  });

  it('shows the draft in the drafts perspective, with the read token', async () => {
    const { value } = await loadArticle(source('read-token'), lake, 'drafts');
    expect(value?.title).toBe(DRAFT_TITLE);
    expect(fixture.requests.at(-1)!.authorization).toBe('Bearer read-token');
  });

  it('an unknown slug is null (a 404), not an error', async () => {
    expect((await loadArticle(source(), 'no-such-article')).value).toBeNull();
  });

  it('THROWS when the Content Lake answers 500, never returns empty data', async () => {
    fixture.mode = 'error';
    await expect(loadHome(source())).rejects.toThrow();
    await expect(loadArticle(source(), lake)).rejects.toThrow();
  });

  it('THROWS when the Content Lake does not answer in time', async () => {
    fixture.mode = 'hang';
    const started = Date.now();
    await expect(loadArticle(source(), lake)).rejects.toThrow();
    // The source gives up after its 10 s timeout instead of hanging the render.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
