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
    const build = withStaleIfError(source(() => ({ title: 'Built headline' })), { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir, { sync: true }) }) });
    await build.query('article', { slug: 'a' }, 'published');

    const restarted = withStaleIfError(failing, { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir) }) });
    expect(await restarted.query('article', { slug: 'a' }, 'published')).toEqual({ title: 'Built headline' });
    await expect(restarted.query('article', { slug: 'b' }, 'published')).rejects.toThrow('dataset garbled');
  });

  it('an empty answer removes the copy, so a deleted article does not come back after a restart', async () => {
    const dir = folder();
    let answer: unknown = { title: 'Taken down' };
    const running = withStaleIfError(source(() => answer), { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir, { sync: true }) }) });
    await running.query('article', { slug: 'a' }, 'published');
    answer = null;
    await running.query('article', { slug: 'a' }, 'published');

    const restarted = withStaleIfError(failing, { ...quiet, shared: layeredLastGood({ disk: diskLastGood(dir) }) });
    await expect(restarted.query('article', { slug: 'a' }, 'published')).rejects.toThrow('dataset garbled');
  });

  it('keeps the newest write of a key, and at most maxEntries files, the least recently written going first', async () => {
    const dir = folder();
    const disk = diskLastGood(dir, { maxEntries: 2 });
    await Promise.all(['1', '2', '3'].map((text) => disk.set('same', text)));
    expect(await disk.get('same')).toBe('3');
    await disk.set('other', 'o');
    await disk.set('same', '4');
    await disk.set('third', 't');
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(await disk.get('other')).toBeUndefined();
    expect(await disk.get('same')).toBe('4');

    // A later process counts what it finds as older than what it writes.
    const later = diskLastGood(dir, { maxEntries: 2, sync: true });
    await later.set('fourth', 'f');
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(await later.get('fourth')).toBe('f');
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
    const store = () => layeredLastGood({ redis: redisLastGood(connection, `${prefix}a:`), disk: diskLastGood(dir) });
    // The build wrote to a Redis that is gone since: only the disk has it.
    await layeredLastGood({ disk: diskLastGood(dir, { sync: true }) }).set('article', '{"title":"Built"}');
    expect(await store().get('article')).toBe('{"title":"Built"}');

    await redisLastGood(connection, `${prefix}a:`).set('article', '{"title":"Corrected"}');
    expect(await store().get('article')).toBe('{"title":"Corrected"}');
  });

  it("a deletion seen by one instance hides every instance's build copy, without marking results Redis never held", async () => {
    const seedOf = (dir: string) => layeredLastGood({ disk: diskLastGood(dir, { sync: true }) }).set('article', '{"title":"Taken down"}');
    const [first, second] = [folder(), folder()];
    await seedOf(first);
    await seedOf(second);
    const redis = redisLastGood(connection, `${prefix}b:`);
    await layeredLastGood({ redis, disk: diskLastGood(first) }).delete('article');
    expect(await layeredLastGood({ redis, disk: diskLastGood(second) }).get('article')).toBeUndefined();

    // A search that found nothing, never kept anywhere: no marker written for it.
    await layeredLastGood({ redis, disk: diskLastGood(folder()) }).delete('search nobody made');
    const keys = await connection.run((client) => client.keys(`${prefix}b:*`), []);
    expect(keys).toHaveLength(1);
  });
});
