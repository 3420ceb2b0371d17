import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hostileDocuments } from '../fixtures/hostile-documents.ts';
import { startSanityApiFixture, type FixtureDocument } from '../fixtures/sanity-api/server.ts';
import { copyDataset, upsertDocuments } from './dataset.ts';
import { startRedis } from './redis.ts';
import { buildSite, ROOT, type SiteEnv } from './site.ts';

/*
 * The three production builds `npm test` makes (scripts/build-test-sites.ts builds them once;
 * every suite then starts them with startSite):
 * - site:   the sample with the hostile documents merged in: e2e, hostile, embedded faults, rate limit;
 * - sanity: the site on the Content Lake fixture, content revalidated every 3 s: Sanity faults;
 * - scale:  the sample with REDIS_URL (shared cache handlers): scale tests and tests/edge.
 * Each build's dataset lives under .tmp/test-sites and is regenerated before every run.
 */
export type TestBuild = {
  name: string;
  distDir: string;
  /** The environment the build was made with; start it with the same, plus what the suite changes. */
  env: SiteEnv;
  /** The embedded dataset folder the build reads (a copy the tests may edit), if any. */
  dataset?: string;
};

const SITES = path.join(ROOT, '.tmp/test-sites');
export const SAMPLE_DATASET = path.join(ROOT, 'sanity/sample-dataset');

/** Test-only secrets, long enough for the site's start-up check (32 characters or more). */
export const TEST_SECRETS = {
  SANITY_REVALIDATE_SECRET: 'e2e-webhook-secret-0123456789abcdef',
  PREVIEW_SECRET: 'e2e-preview-secret-0123456789abcdef',
  // Never used to reach Sanity here: present so the bundle test proves no token reaches client JavaScript.
  SANITY_API_READ_TOKEN: 'e2e-read-token-must-stay-on-the-server',
  SANITY_API_WRITE_TOKEN: 'e2e-write-token-must-stay-on-the-server',
};

/** Port of the `site` build in the Playwright e2e run (playwright.config.ts). */
export const SITE_PORT = 3101;

export const SITE_BUILD: TestBuild = {
  name: 'test-site',
  distDir: '.next-test-site',
  dataset: path.join(SITES, 'site-dataset'),
  env: {
    CONTENT_DATASET: path.join(SITES, 'site-dataset'),
    SITE_URL: `http://localhost:${SITE_PORT}`,
    // The search budget (proxy.ts) is read at start; the search tests stay far below this one.
    SEARCH_RATE_LIMIT: '10000',
    ...TEST_SECRETS,
  },
};

export const SANITY_BUILD: TestBuild = {
  name: 'test-sanity',
  distDir: '.next-test-sanity',
  env: {
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'fixture',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    // Build time (next.config.ts): the fault tests wait out this revalidate interval.
    CONTENT_REVALIDATE_SECONDS: '3',
    SANITY_REVALIDATE_SECRET: TEST_SECRETS.SANITY_REVALIDATE_SECRET,
  },
};

export const SCALE_BUILD: TestBuild = {
  name: 'test-scale',
  distDir: '.next-test-scale',
  dataset: path.join(SITES, 'scale-dataset'),
  env: {
    CONTENT_DATASET: path.join(SITES, 'scale-dataset'),
    // Where the instances stand behind a proxy (docs/scaling.md); start with REDIS_URL of a running Redis.
    SITE_URL: 'http://localhost:8080',
    SANITY_REVALIDATE_SECRET: TEST_SECRETS.SANITY_REVALIDATE_SECRET,
  },
};

export const TEST_BUILDS = { site: SITE_BUILD, sanity: SANITY_BUILD, scale: SCALE_BUILD } as const;
export type TestBuildName = keyof typeof TEST_BUILDS;

/** The sample's documents, for the Content Lake fixture. */
export function sampleDocuments(): FixtureDocument[] {
  return readFileSync(path.join(SAMPLE_DATASET, 'data.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FixtureDocument);
}

/**
 * The hostile documents as merged into the `site` dataset: their articles dated before every sample
 * article, so the sample's own pages (neighbours, related stories, home order) read as they do
 * without them. Embargoed and undated ones keep their dates.
 */
const MERGED_DATE = '2026-09-01T10:00:00Z';
export const mergedHostileDocuments = hostileDocuments.map((doc) =>
  doc._type === 'article' && (doc as { publishedAt?: string }).publishedAt === '2026-11-10T10:00:00Z' ? { ...doc, publishedAt: MERGED_DATE } : doc,
);

/** The `site` dataset afresh: the sample, with the hostile documents published into it. */
export function prepareSiteDataset(dir = SITE_BUILD.dataset!): string {
  const file = copyDataset(SAMPLE_DATASET, dir);
  upsertDocuments(dir, mergedHostileDocuments);
  return file;
}

/** Regenerates the build's dataset, then builds it (unless REUSE_BUILD=1 finds it built). */
export async function buildTestSite(name: TestBuildName): Promise<TestBuild> {
  const build = TEST_BUILDS[name];
  if (name === 'site') {
    prepareSiteDataset();
    await buildSite(build);
  } else if (name === 'scale') {
    copyDataset(SAMPLE_DATASET, build.dataset!);
    // The build prerenders into the shared cache: give it a Redis of its own, gone afterwards.
    const redis = await startRedis();
    try {
      await buildSite({ ...build, env: { ...build.env, REDIS_URL: redis.url } });
    } finally {
      await redis.stop();
    }
  } else {
    // The build prerenders through the Content Lake: the fixture must answer while it runs.
    const lake = await startSanityApiFixture({ documents: sampleDocuments(), dataset: 'production' });
    try {
      await buildSite({ ...build, env: { ...build.env, SANITY_API_HOST: lake.url } });
    } finally {
      await lake.close();
    }
  }
  return build;
}
