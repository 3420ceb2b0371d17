import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeConfigFrom } from '../../lake/config.ts';
import { startLake, type RunningLake } from '../../lake/start.ts';
import { sampleCopy } from '../helpers/lake.ts';

/*
 * The open local mode (every caller an editor) is for loopback only. Bound to any other address
 * the lake behaves like a private dataset: without its token a caller reads published documents
 * and nothing else. A Sanity project id switches the lake off altogether.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'lake-token-0123456789abcdef0123456789abcdef';
const DRAFT_ID = 'drafts.article-lake-sorrel-water-levels-reach-40-year-low';

describe('the lake refuses to open where it must not', () => {
  it('refuses to start beside a Sanity project', () => {
    expect(() => lakeConfigFrom({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123' }, ROOT)).toThrow(/NEXT_PUBLIC_SANITY_PROJECT_ID/);
  });

  it('refuses a non-loopback address without a long token', () => {
    expect(() => lakeConfigFrom({ CONTENT_LAKE_HOST: '0.0.0.0' }, ROOT)).toThrow(/CONTENT_LAKE_TOKEN/);
    expect(() => lakeConfigFrom({ CONTENT_LAKE_HOST: '0.0.0.0', CONTENT_LAKE_TOKEN: 'short' }, ROOT)).toThrow(/at least 32/);
    expect(lakeConfigFrom({ CONTENT_LAKE_HOST: '0.0.0.0', CONTENT_LAKE_TOKEN: TOKEN }, ROOT)).toMatchObject({ open: false, token: TOKEN });
    expect(lakeConfigFrom({}, ROOT)).toMatchObject({ open: true, host: '127.0.0.1', port: 4343 });
  });
});

describe('a lake bound beyond loopback', () => {
  let lake: RunningLake;
  let folder: string;
  // Bound to every address, but the test only ever talks to it over loopback.
  const api = (route: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${lake.port}/v2025-02-19${route}`, init);
  const withToken = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    folder = sampleCopy('lake-security-');
    const config = lakeConfigFrom(
      { CONTENT_DATASET: folder, CONTENT_LAKE_HOST: '0.0.0.0', CONTENT_LAKE_PORT: '1', CONTENT_LAKE_TOKEN: TOKEN, CONTENT_LAKE_WEBHOOK_URLS: 'none' },
      ROOT,
    );
    lake = await startLake({ ...config, port: 0 }, () => undefined);
  });
  afterAll(async () => {
    await lake.close();
    rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it('serves published reads to anyone, and never a draft', async () => {
    const query = encodeURIComponent(`*[_id == "${DRAFT_ID}" || _id == "article-lake-sorrel-water-levels-reach-40-year-low"]{_id, title}`);
    const anonymous = await (await api(`/data/query/production?query=${query}&perspective=raw`)).json();
    expect(anonymous.result).toEqual([{ _id: 'article-lake-sorrel-water-levels-reach-40-year-low', title: 'Lake Sorrel Water Levels Reach 40-Year Low' }]);
    const doc = await (await api(`/data/doc/production/${DRAFT_ID}`)).json();
    expect(doc).toEqual({ documents: [], omitted: [{ id: DRAFT_ID, reason: 'permission' }] });
    const editor = await (await api(`/data/query/production?query=${query}&perspective=raw`, { headers: withToken })).json();
    expect(editor.result.map((hit: { _id: string }) => hit._id).sort()).toEqual(['article-lake-sorrel-water-levels-reach-40-year-low', DRAFT_ID]);
  });

  it('refuses writes, listeners, history and the editor login without the token', async () => {
    const body = JSON.stringify({ mutations: [{ create: { _id: 'tag-intruder', _type: 'tag', title: 'Intruder' } }] });
    const refused = await api('/data/mutate/production', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(refused.status).toBe(401);
    expect((await api('/data/listen/production?query=*')).status).toBe(401);
    expect((await api('/users/me')).status).toBe(401);
    expect(lake.store.get('tag-intruder')).toBeUndefined();
    const allowed = await api('/data/mutate/production', { method: 'POST', headers: { 'content-type': 'application/json', ...withToken }, body });
    expect(allowed.status).toBe(200);
    expect(lake.store.get('tag-intruder')).toMatchObject({ title: 'Intruder' });
  });

  it('refuses a request body over its bound with 413 and applies nothing', async () => {
    const huge = JSON.stringify({ mutations: [{ create: { _id: 'tag-huge', _type: 'tag', title: 'x'.repeat(5 * 1024 * 1024) } }] });
    const answer = await api('/data/mutate/production', { method: 'POST', headers: { 'content-type': 'application/json', ...withToken }, body: huge });
    expect(answer.status).toBe(413);
    expect(lake.store.get('tag-huge')).toBeUndefined();
  });
});
