import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetFiles } from '../../lake/dataset-files.ts';
import { runningLake } from '../../lake/lock.ts';
import { importArticleThroughApi } from '../../lib/import/api-import.ts';
import { parseArticleFile } from '../../lib/import/parse-article-file.ts';
import { runContentCliAsync } from '../helpers/content-cli.ts';
import { eventually } from '../helpers/eventually.ts';
import { datasetOnDisk, failure, lakeClient, sampleCopy, startTestLake, type TestLake } from '../helpers/lake.ts';

/*
 * While the local Content Lake runs it is the only writer of its dataset: `import` and `live`
 * write through its API (a write into the file would be lost at the lake's next rewrite), a lake
 * whose process is gone is no obstacle, and a lake that claims the dataset but does not answer
 * gets a refusal naming it with the file untouched.
 */

const seedFile = path.resolve(import.meta.dirname, '../fixtures/seed-article.txt');
const updateFile = path.resolve(import.meta.dirname, '../fixtures/live-update.txt');
const articleId = 'article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const newTag = 'tag-through-the-lake';
const liveSlug = 'storm-kestrel-live';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function lake(): Promise<TestLake> {
  const started = await startTestLake();
  cleanup.push(() => started.stop());
  return started;
}

function folderWithLock(pid: number, url: string): string {
  const folder = sampleCopy('import-lake-');
  cleanup.push(() => rmSync(path.dirname(folder), { recursive: true, force: true }));
  const files = datasetFiles(folder);
  mkdirSync(files.stateFolder, { recursive: true });
  writeFileSync(files.lock, JSON.stringify({ pid, url, startedAt: '2026-11-25T08:00:00.000Z' }) + '\n');
  return folder;
}

const refs = (doc: Record<string, unknown> | undefined) => ((doc?.tags ?? []) as { _ref: string }[]).map((tag) => tag._ref);
const importSeed = (folder: string) => runContentCliAsync(['import', seedFile, '--dataset', folder, '--tags', 'world,through-the-lake']);

describe('with the lake running on the dataset', () => {
  it('the lock file names the address the lake really listens on, even when it was started on port 0', async () => {
    const running = await lake();
    expect(running.url).not.toMatch(/:0$/);
    expect(runningLake(datasetFiles(running.folder).lock)).toMatchObject({ pid: process.pid, url: running.url });
  });

  it('import goes through the lake: readable from it at once, in its translog, then in its dataset file', async () => {
    const running = await lake();
    const result = await importSeed(running.folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`updated ${articleId} (published)`);
    expect(result.stdout).toContain(`through the local Content Lake (pid ${process.pid}, ${running.url})`);

    const article = await running.client.fetch<{ tags?: { _ref: string }[] }>('*[_id == $id][0]', { id: articleId }, { perspective: 'raw' });
    expect(refs(article)).toEqual(['tag-world', newTag]);
    const tx = running.store.translog().find((entry) => entry.changes.some((change) => change.id === articleId));
    expect(tx?.changes.map((change) => change.id).sort()).toEqual([articleId, newTag]);
    await eventually(() => expect(refs(datasetOnDisk(running.folder).get(articleId))).toEqual(['tag-world', newTag]), {
      what: "the import in the lake's data.ndjson",
    });
    expect(datasetOnDisk(running.folder).get(newTag)).toMatchObject({ _type: 'tag', slug: { current: 'through-the-lake' } });
  });

  it('live <slug> <file> goes through the lake too, published at once', async () => {
    const running = await lake();
    const result = await runContentCliAsync(['live', liveSlug, updateFile, '--dataset', running.folder]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = /posted (liveUpdate-\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(result.stdout).toContain(`through the local Content Lake (pid ${process.pid}, ${running.url})`);

    const update = await running.client.fetch<{ article?: { _ref: string } } | null>('*[_id == $id][0]', { id });
    expect(update?.article?._ref).toBe(`article-${liveSlug}`);
    expect(running.store.translog().some((entry) => entry.changes.some((change) => change.id === id && change.after !== null))).toBe(true);
    await eventually(() => expect(datasetOnDisk(running.folder).get(id)).toMatchObject({ _type: 'liveUpdate' }), {
      what: "the update in the lake's data.ndjson",
    });
  });

  it("an editor's save between the import's read and its write makes the lake refuse the import, and the save stays", async () => {
    const running = await lake();
    const racing = lakeClient(running.url);
    const read = racing.fetch.bind(racing);
    // The editor saves the article just after the import has read it.
    racing.fetch = (async (...args: Parameters<typeof read>) => {
      const found = await read(...args);
      await running.client.patch(articleId).set({ title: "The editor's headline" }).commit();
      return found;
    }) as typeof racing.fetch;
    const parsed = parseArticleFile(seedFile, readFileSync(seedFile, 'utf8'));
    expect((await failure(importArticleThroughApi(racing, parsed, { now: '2026-11-26T08:00:00.000Z', tags: ['world', 'through-the-lake'] }))).statusCode).toBe(
      409,
    );
    expect(running.store.get(articleId)?.title).toBe("The editor's headline");
    expect(running.store.get(newTag)).toBeUndefined();
  });
});

describe('with no lake, or a lake that does not answer', () => {
  it('a lock left by a lake whose process is gone does not stop the import: it writes the file as before', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const folder = folderWithLock(dead, 'http://127.0.0.1:9');
    const result = await importSeed(folder);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Content Lake');
    expect(refs(datasetOnDisk(folder).get(articleId))).toEqual(['tag-world', newTag]);
  });

  it.each([
    ['answers 500 to everything', 'answered 500'],
    ['refuses connections', 'no answer: ECONNREFUSED'],
  ])('a lake whose lock says it runs but which %s: import and live refuse naming it, the file unchanged', async (kind, reason) => {
    const url = await brokenLake(kind === 'refuses connections');
    const folder = folderWithLock(process.pid, url);
    const before = readFileSync(path.join(folder, 'data.ndjson'));
    const named = `the local Content Lake (pid ${process.pid}, ${url})`;

    const imported = await importSeed(folder);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(named);
    expect(imported.stderr).toContain(reason);
    const live = await runContentCliAsync(['live', liveSlug, updateFile, '--dataset', folder]);
    expect(live.code).toBe(1);
    expect(live.stderr).toContain(named);
    expect(readFileSync(path.join(folder, 'data.ndjson'))).toEqual(before);
  });
});

/** A URL where a "lake" answers 500, or (closed) where nothing listens any more. */
async function brokenLake(closed: boolean): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"Internal Server Error","statusCode":500}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  if (closed) await close();
  else cleanup.push(close);
  return url;
}
