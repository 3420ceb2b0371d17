import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext } from './context.ts';
import { startProcess, treeRss, type Server } from './proc.ts';

/*
 * What `npm start` runs without a Sanity project, for the lake section: the local Content Lake as
 * its own process (so its memory is its own) and `next start` of a bench build, both on a copy of
 * the dataset (the lake writes it; the committed sample and the bench's shared copies stay as they
 * are) and the site on a copy of the build (pages regenerated from the lake's publishes must not
 * land in the cache of the build other sections serve). The lake's signed webhook goes to that site.
 */

export type LakeStack = {
  lakeUrl: string;
  siteUrl: string;
  /** The site as the editor's browser opens it: the Studio reaches the lake on loopback names (no-project.localhost). */
  studioUrl: string;
  /** The dataset folder both read (the lake writes it). */
  dataset: string;
  /** From spawning the lake until it answered (reading the dataset, building its state). */
  startMs: number;
  /** Resident memory of the lake's process, in MB. */
  lakeRssMb(): number;
  stop(): Promise<void>;
};

export type StackOptions = { name: string; datasetDir: string; distDir: string; lakePort: number; sitePort: number };

const MB = 2 ** 20;

export async function startLakeStack(ctx: BenchContext, options: StackOptions): Promise<LakeStack> {
  const dataset = path.join(ctx.work, `lake-${options.name}`);
  rmSync(dataset, { recursive: true, force: true });
  // The lake's state folder (translog, mark, lock) lives in the dataset folder: a fresh copy starts with none.
  cpSync(options.datasetDir, dataset, { recursive: true, filter: (file) => !path.basename(file).endsWith('.lake') });
  const distDir = `${options.distDir}-lake`;
  const source = path.join(ctx.root, options.distDir);
  rmSync(path.join(ctx.root, distDir), { recursive: true, force: true });
  cpSync(source, path.join(ctx.root, distDir), { recursive: true, filter: (file) => file !== path.join(source, 'cache') });

  const lakeUrl = `http://127.0.0.1:${options.lakePort}`;
  const started = performance.now();
  const lake = ctx.track(
    await startProcess(path.join(ctx.root, 'node_modules/.bin/node'), ['lake/main.ts'], {
      cwd: ctx.root,
      env: ctx.baseEnv({
        NODE_NO_WARNINGS: '1',
        CONTENT_DATASET: dataset,
        CONTENT_LAKE_HOST: '127.0.0.1',
        CONTENT_LAKE_PORT: String(options.lakePort),
        CONTENT_LAKE_WEBHOOK_URLS: `http://127.0.0.1:${options.sitePort}/api/revalidate`,
      }),
      readyUrl: `${lakeUrl}/__lake/status`,
      url: lakeUrl,
    }),
  );
  const startMs = performance.now() - started;
  let site: Server;
  try {
    site = await ctx.startNext(ctx.root, distDir, options.sitePort, ctx.baseEnv({ CONTENT_DATASET: dataset, CONTENT_LAKE_PORT: String(options.lakePort) }));
  } catch (error) {
    await lake.stop();
    throw error;
  }
  return {
    lakeUrl,
    siteUrl: site.url,
    studioUrl: `http://localhost:${options.sitePort}`,
    dataset,
    startMs,
    lakeRssMb: () => treeRss(lake.pid) / MB,
    async stop() {
      await site.stop();
      await lake.stop();
      rmSync(path.join(ctx.root, distDir), { recursive: true, force: true });
    },
  };
}
