#!/usr/bin/env bash
# Runs every test: unit tests (vitest), then end-to-end tests (Playwright) against built sites
# (`next build && next start`, never `next dev`). Sets up what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-test-env.sh
export PATH="$PWD/node_modules/.bin:$PATH"
echo "node $(node --version)"

echo "== type check (tsc, every file) and lint (eslint)"
tsc --noEmit -p tsconfig.json
eslint --max-warnings 0 .
# Checked above, once: the test builds below skip Next's own type check, and send no telemetry.
export SKIP_BUILD_TYPECHECK=1 NEXT_TELEMETRY_DISABLED=1

echo "== unit tests (vitest)"
vitest run

echo "== building the sites the end-to-end tests run against"
bash scripts/e2e-build.sh

echo "== end-to-end tests (Playwright, Debian Chromium)"
playwright test

echo "== fault tests: a broken content source, and the search rate limit (builds two more sites)"
playwright test --config tests/faults/playwright.config.ts

# Several instances sharing one Redis cache (docs/scaling.md): builds .next-scale with REDIS_URL,
# runs its own redis-server, two `next start` on 3201/3202, a publish via A must show on B, and
# both must keep answering while Redis is stopped.
echo "== scale test (two instances, one Redis)"
bash scripts/scale-test.sh
