import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareSiteDataset, SITE_BUILD, TEST_SECRETS } from './builds.ts';
import { spawnLake, type LakeProcess } from './lake-process.ts';
import { freePort } from './ports.ts';
import { copyBuild, LOGS, startSite, type RunningSite } from './site.ts';

/*
 * What `npm start` runs without a Sanity project, for the Studio suite (tests/studio/): the local
 * Content Lake as its own process and `next start` of the `site` build, on one dataset copy of
 * their own in a temporary folder. The lake sends its signed publish webhook to that site, which
 * reads the same dataset file, so a publish in the Studio reaches the pages as it does for an editor.
 */
export type StudioStack = {
  site: RunningSite;
  lake: LakeProcess;
  /** The dataset folder both read (the lake writes it). */
  dataset: string;
  /** What the lake has answered with "unknown route" so far (GET /__lake/status). */
  unknownRoutes(): Promise<string[]>;
  stop(): Promise<void>;
};

const lakes = new Set<LakeProcess>();
// As site.ts does for `next start`: a worker that ends mid-test must not leave a lake on its port.
process.once('exit', () => {
  for (const lake of lakes) lake.child.kill('SIGKILL');
});

export async function startStudioStack(name: string): Promise<StudioStack> {
  const root = mkdtempSync(path.join(tmpdir(), `studio-${name}-`));
  const dataset = path.join(root, 'dataset');
  // The `site` build's dataset as built (the sample with the hostile documents), fresh for each spec file.
  prepareSiteDataset(dataset);
  const [sitePort, lakePort] = [await freePort(), await freePort()];
  const lake = await spawnLake(dataset, lakePort, {
    CONTENT_LAKE_WEBHOOK_URLS: `http://localhost:${sitePort}/api/revalidate`,
    SANITY_REVALIDATE_SECRET: TEST_SECRETS.SANITY_REVALIDATE_SECRET,
  });
  lakes.add(lake);
  let site: RunningSite;
  try {
    site = await startSite({
      // A copy: pages regenerated from this suite's edits must not land in the e2e site's cache (one at a time: workers 1).
      distDir: copyBuild(SITE_BUILD.distDir, 'test-site-studio'),
      port: sitePort,
      env: { ...SITE_BUILD.env, SITE_URL: `http://localhost:${sitePort}`, CONTENT_DATASET: dataset, CONTENT_LAKE_PORT: String(lakePort) },
    });
  } catch (error) {
    await stopLake(lake);
    throw error;
  }
  return {
    site,
    lake,
    dataset,
    async unknownRoutes() {
      const status = (await (await fetch(`${lake.url}/__lake/status`)).json()) as { unknownRoutes: string[] };
      return status.unknownRoutes;
    },
    async stop() {
      await site.stop();
      await stopLake(lake);
      // Beside the site's log: what the lake said (webhook deliveries, refusals), for a failed run.
      mkdirSync(LOGS, { recursive: true });
      writeFileSync(path.join(LOGS, `studio-lake-${name}.log`), lake.output());
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function stopLake(lake: LakeProcess): Promise<void> {
  if (lake.child.exitCode === null && lake.child.signalCode === null) lake.child.kill('SIGTERM');
  await lake.exited;
  lakes.delete(lake);
}
