import path from 'node:path';
import { prepareSiteDataset, SITE_BUILD } from '../helpers/builds.ts';
import { copyBuild, ROOT, startSite, type RunningSite } from '../helpers/site.ts';
import { publishWebhook } from '../helpers/webhook.ts';
import { REVALIDATE_SECONDS } from './page.ts';

/*
 * The embedded fault tests run a copy of the e2e `site` build on a dataset copy of their own, with a
 * 3 s content revalidate. The interval is a cacheLife profile, which `next start` reads from
 * next.config.ts; prerendered pages keep the build's 60 s until regenerated, so start() sends
 * a webhook for the article under test, and its page and home are rendered again under 3 s.
 */
export const FAULTS_DATASET = path.join(ROOT, '.tmp/faults/site-dataset');
export const SECRET = SITE_BUILD.env.SANITY_REVALIDATE_SECRET!;

export const LAKE = {
  _id: 'article-lake-sorrel-water-levels-reach-40-year-low',
  _type: 'article',
  slug: { _type: 'slug', current: 'lake-sorrel-water-levels-reach-40-year-low' },
};
export const LAKE_TITLE = 'Lake Sorrel Water Levels Reach 40-Year Low';

export async function startFaultSite(port: number, env: Record<string, string> = {}): Promise<RunningSite> {
  prepareSiteDataset(FAULTS_DATASET);
  const site = await startSite({
    // A copy: the pages this site regenerates from broken data must not land in the e2e site's cache.
    distDir: copyBuild(SITE_BUILD.distDir, 'test-site-faults'),
    port,
    // Its own URL, not the e2e run's.
    env: {
      ...SITE_BUILD.env,
      SITE_URL: `http://localhost:${port}`,
      CONTENT_DATASET: FAULTS_DATASET,
      CONTENT_REVALIDATE_SECONDS: String(REVALIDATE_SECONDS),
      ...env,
    },
  });
  await publishWebhook(site.url, SECRET, LAKE);
  // Readers have seen both pages since: rendered again, now under the 3 s interval.
  for (const page of [`/articles/${LAKE.slug.current}`, '/']) {
    const response = await fetch(`${site.url}${page}`);
    if (response.status !== 200) throw new Error(`${page} answered ${response.status} on the fresh fault site`);
  }
  return site;
}
