#!/usr/bin/env bash
# Builds the site once per dataset the end-to-end tests use, each into its own folder:
# - sample:  a copy of the sample dataset (tests may edit it, then send the webhook);
# - hostile: tests/fixtures/hostile (drafts, versions, embargoes, dangling references, hostile markup).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
source scripts/e2e-env.sh

rm -rf .tmp/e2e && mkdir -p .tmp/e2e
cp -r sanity/sample-dataset .tmp/e2e/sample-dataset

for site in sample hostile; do
  e2e_env "$site"
  echo "e2e: building the $site site into $NEXT_DIST_DIR (CONTENT_DATASET=$CONTENT_DATASET)"
  next build > ".tmp/e2e/build-$site.log" 2>&1 || { tail -50 ".tmp/e2e/build-$site.log"; exit 1; }
done
