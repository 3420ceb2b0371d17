import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { datasetOnDisk, lakeClient, sampleCopy, startTestLake } from '../helpers/lake.ts';
import { refusedLake, spawnLake, type LakeProcess } from '../helpers/lake-process.ts';

/*
 * One writer, nothing lost: a transaction the lake acknowledged survives kill -9 (synced to the
 * translog before the answer, replayed and written back to the dataset on the next start), a
 * transaction torn by a crash is dropped without taking the others with it, a second lake
 * refuses the dataset, and the dataset stays in `sanity dataset export` form.
 */

const running: LakeProcess[] = [];
const folders: string[] = [];

function dataset(): string {
  const folder = sampleCopy('lake-durability-');
  folders.push(path.dirname(folder));
  return folder;
}

async function lakeOn(folder: string): Promise<LakeProcess> {
  const lake = await spawnLake(folder);
  running.push(lake);
  return lake;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((lake) => lake.kill9()));
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const translogOf = (folder: string) => path.join(folder, '.data.ndjson.lake', 'translog.ndjson');
const draft = (id: string, title: string) => ({ _id: `drafts.${id}`, _type: 'tag', title, slug: { _type: 'slug', current: id } });

/** Commits through the HTTP API and kills the lake the moment the answer's status line arrives. */
async function commitThenKill(lake: LakeProcess, transactionId: string, doc: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x' },
    body: JSON.stringify({ transactionId, mutations: [{ createOrReplace: doc }] }),
  });
  await lake.kill9();
  expect(answer.status).toBe(200);
}

const rawDoc = (lake: LakeProcess, id: string) => lakeClient(lake.url).fetch('*[_id == $id][0]{_id, title, _rev}', { id }, { perspective: 'raw' });

describe('kill -9 right after an acknowledged write', () => {
  it('finds the write after a restart, in queries and in the dataset file', async () => {
    const folder = dataset();
    await commitThenKill(await lakeOn(folder), 'survives-kill', draft('tag-survivor', 'Survivor'));
    // The precondition that makes this a recovery test: a draft-only write was not yet in the dataset file.
    expect(datasetOnDisk(folder).has('drafts.tag-survivor')).toBe(false);
    expect(readFileSync(translogOf(folder), 'utf8')).toContain('"survives-kill"');

    const restarted = await lakeOn(folder);
    expect(await rawDoc(restarted, 'drafts.tag-survivor')).toEqual({ _id: 'drafts.tag-survivor', title: 'Survivor', _rev: 'survives-kill' });
    expect(datasetOnDisk(folder).get('drafts.tag-survivor')).toMatchObject({ title: 'Survivor', _rev: 'survives-kill' });
  });

  it('drops a translog line torn by the crash and keeps the transactions before it', async () => {
    const folder = dataset();
    await commitThenKill(await lakeOn(folder), 'before-tear', draft('tag-kept', 'Kept'));
    appendFileSync(translogOf(folder), '{"id":"torn","timestamp":"2026-01-01T00:00:00.000Z","author":"p-local","changes":[{"id":"drafts.tag-torn","bef');

    const restarted = await lakeOn(folder);
    expect(restarted.output()).toContain('cut short by a crash');
    expect(await rawDoc(restarted, 'drafts.tag-kept')).toMatchObject({ title: 'Kept' });
    expect(await rawDoc(restarted, 'drafts.tag-torn')).toBeNull();
    expect(readFileSync(translogOf(folder), 'utf8')).not.toContain('torn');

    // The next write starts on a fresh line, so it too survives a crash and a restart.
    await commitThenKill(restarted, 'after-tear', draft('tag-after', 'After'));
    const again = await lakeOn(folder);
    expect(await rawDoc(again, 'drafts.tag-after')).toMatchObject({ title: 'After', _rev: 'after-tear' });
    expect(await rawDoc(again, 'drafts.tag-kept')).toMatchObject({ title: 'Kept' });
  });
});

describe('one writer', () => {
  it('a second lake on the same dataset refuses to start, naming the running one', async () => {
    const folder = dataset();
    const first = await lakeOn(folder);
    const second = await refusedLake(folder);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.output).toContain(`pid ${first.child.pid}`);
    expect(second.output).toContain(first.url);
    expect(await rawDoc(first, 'tag-world')).toMatchObject({ title: 'World' });
  });
});

describe('the dataset file after a publish', () => {
  it('holds the published document in export form: images as _sanityAsset, no asset documents', async () => {
    const lake = await startTestLake(dataset());
    try {
      const id = 'article-lake-sorrel-water-levels-reach-40-year-low';
      await lake.client.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id });
      // The file follows the acknowledged transaction (the translog made it durable already).
      await vi.waitFor(() => expect(datasetOnDisk(lake.folder).has(`drafts.${id}`)).toBe(false), { timeout: 5_000, interval: 20 });
      const onDisk = datasetOnDisk(lake.folder);
      expect(onDisk.get(id)).toMatchObject({
        title: 'DRAFT: Lake Sorrel Falls to Lowest Level in Four Decades',
        mainImage: { _type: 'image', _sanityAsset: 'image@file://./images/e739f6e8fbd8fd174347077c79db0a24c385b0a7-1200x675.png' },
      });
      expect(onDisk.get(id)!.mainImage).not.toHaveProperty('asset');
      expect(onDisk.has(`drafts.${id}`)).toBe(false);
      expect(readFileSync(path.join(lake.folder, 'data.ndjson'), 'utf8')).not.toContain('sanity.imageAsset');
      expect(onDisk.get('article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions')!.mainImage).toMatchObject({
        _sanityAsset: expect.stringMatching(/^image@file:\/\/\.\/images\/[0-9a-f]{40}-\d+x\d+\.png$/),
      });
    } finally {
      await lake.close();
    }
  });
});
