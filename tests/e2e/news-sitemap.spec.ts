import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { upsertDocuments } from '../helpers/dataset.ts';
import { DATASET, freshArticle, publish, restore, snapshotDataset } from './site-dataset.ts';

/*
 * The Google News sitemap lists the articles of the last 48 hours. The sample's articles are
 * older than that (the seed from 2026-11-20), so the test publishes one now (Russian, with markup characters in its
 * headline), next to a draft and an embargoed article written at the same moment, and finds the
 * published one with the publication's name, its language and its exact headline, and the other
 * two nowhere.
 */
const TITLE = 'Паром «Quillfeather» <снова> & на северной линии ]]>';
const fresh = freshArticle('article-parom-quillfeather', TITLE, { language: 'ru' });
const draft = freshArticle('drafts.article-quillfeather-draft', 'DRAFT LEAK fresh draft', { slug: { _type: 'slug', current: 'quillfeather-draft' } });
const embargoed = freshArticle('article-quillfeather-embargoed', 'DRAFT LEAK embargoed until tomorrow', {
  slug: { _type: 'slug', current: 'quillfeather-embargoed' },
  publishedAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
});

const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

type NewsUrl = { loc: string; name: string; language: string; date: string; title: string };

/** Every <url> of a news sitemap, read by Python's XML parser: it fails on anything ill-formed. */
function newsUrls(xml: string): NewsUrl[] {
  const script = String.raw`
import sys, json, xml.etree.ElementTree as ET
ns = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9', 'n': 'http://www.google.com/schemas/sitemap-news/0.9'}
root = ET.fromstring(sys.stdin.buffer.read())
print(json.dumps([{'loc': u.findtext('s:loc', '', ns), 'name': u.findtext('n:news/n:publication/n:name', '', ns),
  'language': u.findtext('n:news/n:publication/n:language', '', ns), 'date': u.findtext('n:news/n:publication_date', '', ns),
  'title': u.findtext('n:news/n:title', '', ns)} for u in root.findall('s:url', ns)]))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' })) as NewsUrl[];
}

let putBack: (() => void) | undefined;
test.beforeAll(() => {
  putBack = snapshotDataset(DATASET);
});
test.afterAll(async ({ baseURL }) => {
  if (putBack) await restore(baseURL!, putBack, [fresh, embargoed]);
});

test('an article published now is in the news sitemap with name, language and headline; a draft and an embargoed one are not', async ({ request, baseURL }) => {
  upsertDocuments(DATASET, [draft]);
  await publish(baseURL!, [embargoed, fresh]);

  const response = await request.get('/news-sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const urls = newsUrls(xml);
  expect(urls).toContainEqual({ loc: `${baseURL}/articles/parom-quillfeather`, name: 'NextMinuteNews', language: 'ru', date: fresh.publishedAt, title: TITLE });
  // An ordinary article from weeks before stays out (a running live blog may stay in: its updates are news).
  expect(urls.map((url) => url.loc)).not.toContain(`${baseURL}/articles/${SEED}`);
  expect(xml).not.toContain('DRAFT LEAK');
  expect(xml).not.toContain('quillfeather-draft');
  expect(xml).not.toContain('quillfeather-embargoed');
});
