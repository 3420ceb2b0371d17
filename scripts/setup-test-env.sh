#!/usr/bin/env bash
# Installs what the tests need on a fresh machine of this kind (Debian, root), and says what it does.
# Playwright's own browser download is unreachable here, so the tests drive Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x node_modules/.bin/node ]]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
# npm ci patched the installed next (its postinstall); a node_modules made otherwise (npm install
# of one package, --ignore-scripts) may not be. Idempotent, and says what it finds.
node_modules/.bin/node scripts/patch-next.ts

missing=()
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
[[ -f /usr/lib/python3/dist-packages/feedparser/__init__.py ]] || missing+=(python3-feedparser)
# The shared-cache tests (tests/unit/cache-handler-redis.test.ts, tests/scale) run a real Redis.
command -v redis-server >/dev/null || missing+=(redis-server)
# The edge tests (tests/edge) and the bench run Varnish with the xkey vmod (docs/scaling.md).
[[ -x /usr/sbin/varnishd ]] || missing+=(varnish)
compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null || missing+=(varnish-modules)

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages: ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]}; install them (as root: apt-get install ${missing[*]}) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
echo "setup: chromium $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null | head -1)"
echo "setup: $(redis-server --version | cut -d' ' -f1-3)"
echo "setup: $(/usr/sbin/varnishd -V 2>&1 | head -1)"
