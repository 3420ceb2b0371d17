#!/usr/bin/env bash
# Several instances, one cache: builds the site once with REDIS_URL into .next-scale (over a
# copy of the sample dataset in .tmp/scale), starts its own redis-server on a free port with a
# temp dir, and runs tests/scale (two `next start` instances on 3201 and 3202 sharing that
# Redis and that dataset copy). Stops Redis when done, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

root="$PWD/.tmp/scale"
rm -rf "$root" && mkdir -p "$root/redis"
cp -r sanity/sample-dataset "$root/sample-dataset"

port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
stop_redis() {
  if [[ -f "$root/redis/redis.pid" ]]; then kill "$(cat "$root/redis/redis.pid")" 2>/dev/null || true; fi
}
trap stop_redis EXIT
# The test restarts Redis with these same arguments (SCALE_REDIS_ARGS) after stopping it.
export SCALE_REDIS_ARGS="--port $port --bind 127.0.0.1 --dir $root/redis --save '' --appendonly no --daemonize yes --pidfile $root/redis/redis.pid --logfile $root/redis/redis.log"
eval "redis-server $SCALE_REDIS_ARGS"

export REDIS_URL="redis://127.0.0.1:$port" SCALE_REDIS_PORT="$port"
export CONTENT_DATASET="$root/sample-dataset" NEXT_DIST_DIR=".next-scale"
export SITE_URL="http://localhost:8080" SANITY_REVALIDATE_SECRET="scale-webhook-secret-0123456789abcdef"

echo "scale: building into $NEXT_DIST_DIR with REDIS_URL=$REDIS_URL (log: .tmp/scale/build.log)"
flock /tmp/next-build.lock next build > "$root/build.log" 2>&1 || { tail -50 "$root/build.log"; exit 1; }

echo "scale: two instances (3201, 3202) sharing Redis on $port"
playwright test --config tests/scale/playwright.config.ts
