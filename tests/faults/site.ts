import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/*
 * Builds and starts one site for a fault test, in its own dist folder and port, so the
 * test controls its content source from start to finish. Builds queue on
 * /tmp/next-build.lock like every other build here. FAULTS_REUSE_BUILD=1 skips a
 * build whose folder already exists (for iterating on a test).
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT = path.join(ROOT, 'node_modules/.bin/next');
const LOGS = path.join(ROOT, '.tmp/faults');

export const FAULTS_SECRET = 'faults-webhook-secret-0123456789abcdef';
/** Seconds: the content cacheLife revalidate the fault sites are built with. */
export const REVALIDATE_SECONDS = 3;

export type SiteEnv = Record<string, string>;

function siteEnv(distDir: string, port: number, extra: SiteEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(NEXT)}:${process.env.PATH ?? ''}`,
    NEXT_DIST_DIR: distDir,
    SITE_URL: `http://localhost:${port}`,
    SANITY_REVALIDATE_SECRET: FAULTS_SECRET,
    CONTENT_REVALIDATE_SECONDS: String(REVALIDATE_SECONDS),
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = openSync(log, 'w');
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): see ${log}`))));
  });
}

export async function buildSite(name: string, distDir: string, port: number, extra: SiteEnv): Promise<void> {
  mkdirSync(LOGS, { recursive: true });
  if (process.env.FAULTS_REUSE_BUILD === '1' && existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return;
  await run('flock', ['/tmp/next-build.lock', NEXT, 'build'], siteEnv(distDir, port, extra), path.join(LOGS, `build-${name}.log`));
}

export type RunningSite = { url: string; stop(): Promise<void> };

/** `next start`; ready once it answers at all (/api/health is 503 while the source is down). */
export async function startSite(name: string, distDir: string, port: number, extra: SiteEnv): Promise<RunningSite> {
  mkdirSync(LOGS, { recursive: true });
  const out = openSync(path.join(LOGS, `server-${name}.log`), 'w');
  const child: ChildProcess = spawn(NEXT, ['start', '-p', String(port)], {
    cwd: ROOT,
    env: siteEnv(distDir, port, extra),
    stdio: ['ignore', out, out],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start for ${name} exited (${child.exitCode}): see .tmp/faults/server-${name}.log`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`next start for ${name} did not answer on ${url} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's `<h1>` text as a reader sees it (entities decoded), and its status. */
export async function headline(url: string): Promise<{ status: number; h1: string | undefined; cache: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const h1 = match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
  return { status: response.status, h1, cache: response.headers.get('x-nextjs-cache') };
}

/** Polls until `url` answers 200 with `expected` as its headline; returns how long it took. */
export async function waitForHeadline(url: string, expected: string, timeoutMs = 45_000): Promise<number> {
  const started = Date.now();
  let last: Awaited<ReturnType<typeof headline>> | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await headline(url);
    if (last.status === 200 && last.h1 === expected) return Date.now() - started;
    await sleep(500);
  }
  throw new Error(`${url} did not show "${expected}" within ${timeoutMs} ms; last answer ${last?.status} "${last?.h1}"`);
}
