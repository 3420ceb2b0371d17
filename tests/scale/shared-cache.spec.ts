import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SAMPLE_DATASET, SCALE_BUILD } from '../helpers/builds.ts';
import { copyDataset, editDocument } from '../helpers/dataset.ts';
import { eventually } from '../helpers/eventually.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { ROOT, startSite, type RunningSite } from '../helpers/site.ts';
import { toolPath } from '../helpers/tools.ts';
import { publishWebhook } from '../helpers/webhook.ts';

/*
 * What an editor sees with several instances: a publish delivered to one instance shows on the
 * others, and a Redis outage costs freshness, not pages. Two `next start` of the `scale` build
 * share one Redis and one dataset copy, as behind the edge (docs/scaling.md).
 */
const PORTS = [3201, 3202];
const SLUG = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const ID = `article-${SLUG}`;
const ARTICLE = `/articles/${SLUG}`;
const ORIGINAL = 'Kazakhstan Silences Pro- and Anti-Russian Voices Amid Geopolitical Tensions';
const DATASET = path.join(ROOT, '.tmp/scale/dataset');
const SECRET = SCALE_BUILD.env.SANITY_REVALIDATE_SECRET!;

let redis: RedisServer;
let instances: RunningSite[] = [];
let A = '';
let B = '';
const redisCli = (...args: string[]) => execFileSync(toolPath('redis-cli'), ['-p', String(redis.port), ...args], { encoding: 'utf8' }).trim();

/** Publishes a new headline as an editor would (atomic upsert), then the webhook, to instance A only. */
async function publishHeadline(title: string) {
  const doc = editDocument(DATASET, ID, { title });
  const tags = await publishWebhook(A, SECRET, doc);
  expect(tags).toContain(`doc:${ID}`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  copyDataset(SAMPLE_DATASET, DATASET);
  redis = await startRedis();
  const env = { ...SCALE_BUILD.env, REDIS_URL: redis.url, CONTENT_DATASET: DATASET };
  instances = await Promise.all(PORTS.map((port) => startSite({ distDir: SCALE_BUILD.distDir, port, env })));
  [A, B] = instances.map((instance) => instance.url) as [string, string];
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis?.stop();
});

/** Polls until `route` on `base` answers 200 with `text` in it; returns the milliseconds it took. */
async function timeUntilShown(request: APIRequestContext, base: string, route: string, text: string) {
  const started = Date.now();
  await eventually(
    async () => {
      const response = await request.get(`${base}${route}`);
      if (response.status() !== 200 || !(await response.text()).includes(text)) throw new Error(`status ${response.status()}, without the text`);
    },
    { what: `${base}${route} to show "${text}"`, timeout: 15_000, interval: 250 },
  );
  return Date.now() - started;
}

test.describe.configure({ mode: 'serial' });

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
  await publishHeadline(updated);
  const articleMs = await timeUntilShown(request, B, ARTICLE, updated);
  const homeMs = await timeUntilShown(request, B, '/', updated);
  console.log(`[scale] instance B showed the new headline ${articleMs} ms after the webhook to A (home: +${homeMs} ms)`);
  test.info().annotations.push({ type: 'figure', description: `B article ${articleMs} ms, home +${homeMs} ms` });
  expect(articleMs).toBeLessThan(5000);
});

test('without Redis both instances still answer, and use Redis again when it is back', async ({ request }) => {
  await redis.stop();
  for (const base of [A, B]) {
    for (const route of ['/', ARTICLE]) {
      const started = Date.now();
      const response = await request.get(`${base}${route}`, { timeout: 10_000 });
      expect(response.status(), `${base}${route} with Redis down`).toBe(200);
      console.log(`[scale] Redis down: ${base}${route} answered ${response.status()} in ${Date.now() - started} ms`);
    }
  }

  await redis.restart();
  // Redis came back empty: the instances fill it again (each retries at most once a second).
  await expect
    .poll(
      async () => {
        await request.get(`${A}${ARTICLE}`);
        await request.get(`${B}/`);
        return Number(redisCli('dbsize'));
      },
      { timeout: 15_000, intervals: [500] },
    )
    .toBeGreaterThan(0);

  // And tag expiry is shared again: another publish through A shows on B.
  const again = `Kazakhstan Silences Dissent, Again ${Date.now()}`;
  await publishHeadline(again);
  const ms = await timeUntilShown(request, B, ARTICLE, again);
  expect(Number(redisCli('hlen', 'nmn:tags:expired'))).toBeGreaterThan(0);
  console.log(`[scale] after Redis returned, instance B showed the next publish ${ms} ms after the webhook to A`);
});
