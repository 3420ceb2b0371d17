/**
 * Builds the production sites the test suites start (tests/helpers/builds.ts), once each, one
 * after the other: `node scripts/build-test-sites.ts [site|sanity|scale …]` (default: all three).
 * REUSE_BUILD=1 keeps builds that already exist (their datasets are regenerated either way).
 */
import { buildTestSite, TEST_BUILDS, type TestBuildName } from '../tests/helpers/builds.ts';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in TEST_BUILDS));
if (unknown.length > 0) {
  console.error(`build-test-sites: unknown build ${unknown.join(', ')}; choose from ${Object.keys(TEST_BUILDS).join(', ')}`);
  process.exit(2);
}
for (const name of (names.length > 0 ? names : Object.keys(TEST_BUILDS)) as TestBuildName[]) {
  const started = Date.now();
  const build = await buildTestSite(name);
  console.log(`build-test-sites: ${name} ready in ${build.distDir} (${((Date.now() - started) / 1000).toFixed(0)} s; log .tmp/sites/build-${build.name}.log)`);
}
