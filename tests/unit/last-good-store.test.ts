import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diskLastGood } from '../../lib/cache-handlers/last-good-disk.ts';
import { layeredLastGood, redisLastGood } from '../../lib/cache-handlers/last-good-store.ts';
import { createRedisConnection, type RedisConnection } from '../../lib/cache-handlers/redis-connection.ts';
import type { QuerySource } from '../../lib/content/sources/query-source.ts';
import { withStaleIfError } from '../../lib/content/sources/stale-if-error.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { requireTool } from '../helpers/tools.ts';

/*
 * The last good results where a restart finds them: the build folder on disk (seeded by
 * `next build`), and Redis in front of it with several instances. Each "process" here is a
 * new withStaleIfError over a new store on the same folder, as a restarted server is.
 */

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nmn-last-good-'));
  folders.push(dir);
  return path.join(dir, 'last-good');
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function source(answer: () => unknown): QuerySource {
  return { name: 'embedded', query: async <T>() => answer() as T, describe: () => ({}) };
}
const failing = source(() => {
  throw new Error('dataset garbled');
});
const quiet = { log: () => undefined };

describe('the last good results on disk', () => {
  it('a process started after the one that fetched them (the build) serves them while the source fails', async () => {
    const dir = folder();
    const build = withStaleIfError(
      source(() => ({ title: 'Built headline' })),
      { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir, { building: true }) }) },
    );
    await build.query('article', { slug: 'a' }, 'published');

    const restarted = withStaleIfError(failing, { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir) }) });
    expect(await restarted.query('article', { slug: 'a' }, 'published')).toEqual({ title: 'Built headline' });
    await expect(restarted.query('article', { slug: 'b' }, 'published')).rejects.toThrow('dataset garbled');
  });

  it("a result the server changes replaces the build's copy, so a deleted article stays gone after a restart", async () => {
    const dir = folder();
    await diskLastGood(dir, { building: true }).set('article', '{"title":"Taken down"}');
    const running = diskLastGood(dir);
    await running.set('article', 'null');
    expect(await diskLastGood(dir).get('article')).toBe('null');
  });

  it("keeps the newest write of a key and at most maxEntries served files, never pushing out the build's", async () => {
    const dir = folder();
    await diskLastGood(dir, { building: true }).set('built', 'b');
    const disk = diskLastGood(dir, { maxEntries: 2 });
    await Promise.all(['1', '2', '3'].map((text) => disk.set('same', text)));
    expect(await disk.get('same')).toBe('3');
    for (const key of ['other', 'same', 'third', 'fourth']) await disk.set(key, key);
    expect(readdirSync(path.join(dir, 'served')).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(await disk.get('other')).toBeUndefined();
    expect(await disk.get('fourth')).toBe('fourth');
    expect(await disk.get('built')).toBe('b');

    // A later process counts what it finds as older than what it writes.
    const later = diskLastGood(dir, { maxEntries: 2 });
    await later.set('fifth', 'f');
    expect(readdirSync(path.join(dir, 'served')).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(await later.get('fifth')).toBe('f');
    expect(await later.get('fourth')).toBe('fourth');
  });
});

const hasRedis = requireTool('redis-server');

describe.runIf(hasRedis)('the last good results in Redis over the disk', () => {
  let server: RedisServer;
  let connection: RedisConnection;
  const prefix = `test-${process.pid}:`;

  beforeAll(async () => {
    server = await startRedis();
    connection = createRedisConnection({ url: server.url, log: () => undefined });
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  it("an instance whose Redis never saw a query falls back to its build's copy, and Redis's newer result wins over it", async () => {
    const dir = folder();
    const redis = redisLastGood(connection, prefix);
    // The build wrote to a Redis that is gone since: only the disk has it.
    await diskLastGood(dir, { building: true }).set('article', '{"title":"Built"}');
    expect(await layeredLastGood({ redis, disk: diskLastGood(dir) }).get('article')).toBe('{"title":"Built"}');

    // Another instance, with a build folder of its own, read the correction.
    await layeredLastGood({ redis, disk: diskLastGood(folder()) }).set('article', '{"title":"Corrected"}');
    expect(await layeredLastGood({ redis, disk: diskLastGood(dir) }).get('article')).toBe('{"title":"Corrected"}');
  });
});
