import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('sanity schema extract', () => {
  it('extracts the four document types offline, without a configured project', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schema-extract-'));
    try {
      const out = path.join(dir, 'schema.json');
      const env: NodeJS.ProcessEnv = { ...process.env, SANITY_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', CI: 'true' };
      delete env.NEXT_PUBLIC_SANITY_PROJECT_ID;
      // Vitest exports Vite's env (SSR, DEV, MODE, …); the CLI bundles the config with Vite and must not inherit them.
      for (const name of ['SSR', 'DEV', 'PROD', 'MODE', 'BASE_URL', 'TEST', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) {
        delete env[name];
      }
      // The CLI joins --path onto the working directory, so pass it relative.
      await run(path.join(root, 'node_modules/.bin/sanity'), ['schema', 'extract', '--path', path.relative(root, out)], {
        cwd: root,
        env,
        timeout: 170_000,
      });
      const schema = JSON.parse(await readFile(out, 'utf8')) as Array<{ name: string; type: string; attributes?: Record<string, unknown> }>;
      const documents = schema.filter((type) => type.type === 'document').map((type) => type.name);
      expect(documents).toEqual(expect.arrayContaining(['article', 'tag', 'source', 'author']));
      const article = schema.find((type) => type.name === 'article');
      expect(Object.keys(article?.attributes ?? {})).toEqual(
        expect.arrayContaining([
          'title',
          'slug',
          'previousSlugs',
          'language',
          'standfirst',
          'publishedAt',
          'updatedAt',
          'body',
          'mainImage',
          'tags',
          'sources',
          'authors',
          'corrections',
          'featured',
        ]),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
