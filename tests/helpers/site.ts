import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.ts';

/*
 * The one way a suite gets a production site: `next build` into `.next-<name>` (queued on
 * /tmp/next-build.lock, which every build on this machine shares), then `next start` on a
 * port of the caller's choosing. Logs go to .tmp/sites/. REUSE_BUILD=1 keeps a finished
 * build instead of building again (scripts/test.sh builds each site once, then the suites reuse it).
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT = path.join(ROOT, 'node_modules/.bin/next');
export const LOGS = path.join(ROOT, '.tmp/sites');

export type SiteEnv = Record<string, string>;
export type BuildOptions = { name: string; env?: SiteEnv };
export type StartOptions = { distDir: string; port?: number; env?: SiteEnv };
export type RunningSite = { url: string; port: number; stop(): Promise<void> };

const distDirOf = (name: string) => `.next-${name}`;

export const isBuilt = (distDir: string) => existsSync(path.join(ROOT, distDir, 'BUILD_ID'));

function withDefaults(distDir: string, env: SiteEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(NEXT)}${path.delimiter}${process.env.PATH ?? ''}`,
    // npm test type-checks every file once before building: the builds need not repeat it.
    SKIP_BUILD_TYPECHECK: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
    NEXT_DIST_DIR: distDir,
  };
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Builds the site for `env` (CONTENT_DATASET, REDIS_URL, …) into `.next-<name>`. */
export async function buildSite({ name, env = {} }: BuildOptions): Promise<{ distDir: string }> {
  const distDir = distDirOf(name);
  if (process.env.REUSE_BUILD === '1' && isBuilt(distDir)) return { distDir };
  mkdirSync(LOGS, { recursive: true });
  const log = path.join(LOGS, `build-${name}.log`);
  const out = openSync(log, 'w');
  const child = spawn('flock', ['/tmp/next-build.lock', NEXT, 'build'], { cwd: ROOT, env: withDefaults(distDir, env), stdio: ['ignore', out, out] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`next build for ${name} failed (${code}); ${path.relative(ROOT, log)} ends with:\n${tail(log)}`);
  snapshotBuild(distDir);
  return { distDir };
}

/*
 * `next start` writes what it regenerates into the build folder (server/app, last-good/), so a
 * build some suite has served is no longer the build: the Studio suite copied the site build after
 * the e2e suite had renamed one of its articles and found a redirect where the sample had a page.
 * Each build is therefore kept as built, beside it, and copies are made from that.
 */
const snapshotOf = (distDir: string) => `${distDir}-as-built`;

function snapshotBuild(distDir: string): void {
  const source = path.join(ROOT, distDir);
  const target = path.join(ROOT, snapshotOf(distDir));
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true, filter: (file) => file !== path.join(source, 'cache') });
}

/**
 * A copy of a finished build, as it was built, for a suite that must not share its page cache (the
 * pages `next start` regenerates are written into the build folder): `.next-<name>`, without Next's
 * build cache.
 */
export function copyBuild(distDir: string, name: string): string {
  const copy = distDirOf(name);
  if (!isBuilt(distDir)) throw new Error(`${distDir} holds no finished build: build it first (scripts/build-test-sites.ts)`);
  // A build made before snapshots existed (REUSE_BUILD) is copied as it is.
  const source = path.join(ROOT, isBuilt(snapshotOf(distDir)) ? snapshotOf(distDir) : distDir);
  rmSync(path.join(ROOT, copy), { recursive: true, force: true });
  cpSync(source, path.join(ROOT, copy), { recursive: true, filter: (file) => file !== path.join(source, 'cache') });
  return copy;
}

const running = new Set<ChildProcess>();
// A suite that crashes must not leave servers holding its ports.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * `next start` for a built site. Ready once it answers at all: /api/health answers 503 while the
 * content source is down, which some suites start with on purpose.
 */
export async function startSite({ distDir, port, env = {} }: StartOptions): Promise<RunningSite> {
  if (!isBuilt(distDir)) throw new Error(`${distDir} holds no finished build: build it first (scripts/build-test-sites.ts)`);
  const chosen = port ?? (await freePort());
  const url = `http://localhost:${chosen}`;
  mkdirSync(LOGS, { recursive: true });
  const log = path.join(LOGS, `server-${distDir.replace(/^\.next-/, '')}-${chosen}.log`);
  const out = openSync(log, 'w');
  const child = spawn(NEXT, ['start', '-p', String(chosen)], {
    cwd: ROOT,
    env: withDefaults(distDir, { SITE_URL: url, ...env }),
    stdio: ['ignore', out, out],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${url} exited (${child.exitCode}); ${path.relative(ROOT, log)} ends with:\n${tail(log)}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return { url, port: chosen, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`next start did not answer on ${url} within 60 s; see ${path.relative(ROOT, log)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
