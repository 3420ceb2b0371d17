import { execSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SIGNATURE_HEADER, signWebhookBody } from '../../lib/revalidate/sign.ts';
import { INSTANCE_PORTS } from './playwright.config.ts';

/*
 * What an editor sees with several instances: a publish delivered to one
 * instance shows on the others, and a Redis outage costs freshness, not pages.
 * Environment from scripts/scale-test.sh.
 */

const [A, B] = INSTANCE_PORTS.map((port) => `http://localhost:${port}`) as [string, string];
const SLUG = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const ARTICLE = `/articles/${SLUG}`;
const ORIGINAL = 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/scale-test.sh`);
  return value;
};
const dataset = () => path.join(env('CONTENT_DATASET'), 'data.ndjson');
const redisCli = (command: string) => execSync(`redis-cli -p ${env('SCALE_REDIS_PORT')} ${command}`, { encoding: 'utf8' }).trim();

/** Edits the dataset copy as a publish would (atomic replace, which the embedded source watches). */
function setHeadline(title: string) {
  const file = dataset();
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
    if (!line.trim()) return line;
    const doc = JSON.parse(line) as { _id: string; title?: string };
    return doc._id === `article-${SLUG}` ? JSON.stringify({ ...doc, title }) : line;
  });
  writeFileSync(`${file}.tmp`, lines.join('\n'));
  renameSync(`${file}.tmp`, file);
}

/** A signed webhook, as Sanity sends it (lib/revalidate/sign.ts). */
async function sendWebhook(request: APIRequestContext, base: string) {
  const body = JSON.stringify({ _id: `article-${SLUG}`, _type: 'article', slug: { current: SLUG } });
  const response = await request.post(`${base}/api/revalidate`, {
    data: body,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: await signWebhookBody(body, env('SANITY_REVALIDATE_SECRET')) },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect((await response.json()).revalidated).toBe(true);
}

/** Polls until `path` on `base` contains `text`; returns the milliseconds it took. */
async function timeUntilShown(request: APIRequestContext, base: string, route: string, text: string, attempts = 40) {
  const started = Date.now();
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await request.get(`${base}${route}`);
    if (response.status() === 200 && (await response.text()).includes(text)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base}${route} did not show "${text}" after ${attempts} requests`);
}

test.describe.configure({ mode: 'serial' });

test.afterAll(() => setHeadline(ORIGINAL));

test('a publish sent to instance A shows on instance B, home page included', async ({ request }) => {
  for (const base of [A, B]) {
    for (const route of [ARTICLE, '/']) {
      const response = await request.get(`${base}${route}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain(ORIGINAL);
    }
  }
  // Instance B's article comes from the shared cache now; change the source behind it.
  const updated = `Kazakhstan Silences Dissent, Updated ${Date.now()}`;
  setHeadline(updated);
  await sendWebhook(request, A);
  const articleMs = await timeUntilShown(request, B, ARTICLE, updated);
  const homeMs = await timeUntilShown(request, B, '/', updated);
  console.log(`[scale] instance B showed the new headline ${articleMs} ms after the webhook to A (home: +${homeMs} ms)`);
  test.info().annotations.push({ type: 'figure', description: `B article ${articleMs} ms, home +${homeMs} ms` });
  expect(articleMs).toBeLessThan(5000);
});

test('without Redis both instances still answer, and use Redis again when it is back', async ({ request }) => {
  redisCli('shutdown nosave');
  for (const base of [A, B]) {
    for (const route of ['/', ARTICLE]) {
      const started = Date.now();
      const response = await request.get(`${base}${route}`, { timeout: 10_000 });
      expect(response.status(), `${base}${route} with Redis down`).toBe(200);
      console.log(`[scale] Redis down: ${base}${route} answered ${response.status()} in ${Date.now() - started} ms`);
    }
  }

  execSync(`redis-server ${env('SCALE_REDIS_ARGS')}`, { shell: '/bin/bash' });
  // Redis came back empty: the instances fill it again (each retries at most once a second).
  await expect
    .poll(async () => {
      await request.get(`${A}${ARTICLE}`);
      await request.get(`${B}/`);
      return Number(redisCli('dbsize'));
    }, { timeout: 15_000, intervals: [500] })
    .toBeGreaterThan(0);

  // And tag expiry is shared again: another publish through A shows on B.
  const again = `Kazakhstan Silences Dissent, Again ${Date.now()}`;
  setHeadline(again);
  await sendWebhook(request, A);
  const ms = await timeUntilShown(request, B, ARTICLE, again);
  expect(Number(redisCli('hlen nmn:tags:expired'))).toBeGreaterThan(0);
  console.log(`[scale] after Redis returned, instance B showed the next publish ${ms} ms after the webhook to A`);
});
