import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * HTTP load with wrk (Debian's package, installed here when missing). One Lua script
 * for every run: it rotates through the given paths and counts non-2xx answers, so
 * Next.js, nginx static and the caching proxy are measured the same way.
 */

export type LoadResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
};

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Installs a Debian package for a missing command (the bench runs as root here); false if it cannot. */
export function ensureDebianCommand(command: string, pkg = command): boolean {
  if (hasCommand(command)) return true;
  console.log(`bench: installing ${pkg} from Debian (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env });
  return hasCommand(command);
}

function luaScript(paths: string[]): string {
  return `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; non2xx = 0 end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non2xx":%d,"socket_errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect + e.read + e.write + e.timeout))
end
`;
}

export function runWrk(base: string, paths: string[], options: { seconds: number; connections: number; workDir: string }): LoadResult {
  const script = path.join(options.workDir, `wrk-${paths.length}-${Date.now()}.lua`);
  writeFileSync(script, luaScript(paths));
  const output = execFileSync('wrk', ['-t2', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, base], {
    encoding: 'utf8',
    maxBuffer: 10_000_000,
  });
  const line = output.split('\n').find((text) => text.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const raw = JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, number>;
  const seconds = raw.duration_us! / 1e6;
  return {
    requests: raw.requests!,
    seconds,
    requestsPerSecond: raw.requests! / seconds,
    p50Ms: raw.p50_us! / 1000,
    p99Ms: raw.p99_us! / 1000,
    non2xx: raw.non2xx!,
    socketErrors: raw.socket_errors!,
  };
}
