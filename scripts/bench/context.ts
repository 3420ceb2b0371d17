import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startProcess, timedBuild, type Server } from './proc.ts';

/*
 * What every bench section shares: paths, options, datasets, environments, and builds and
 * servers started once and stopped at the end. A section asks the context for the sample
 * site instead of starting its own, so adding a section never adds a build.
 */

export type BuildFigures = { reused: boolean; seconds?: number; peakRssMb?: number; prerendered: number; articles: number };
export type Row = [measure: string, result: string];

/** One group of rows: `run` measures (its value is kept in results.json under `key`), `rows` prints it. */
export type BenchSection<T = unknown> = {
  key: string;
  run(ctx: BenchContext): Promise<T>;
  rows(result: T): Row[];
};

export type BenchContext = {
  root: string;
  /** Scratch folder (.tmp/bench). */
  work: string;
  secret: string;
  options: { runSeconds: number; loadSeconds: number; archive: number; reuse: boolean };
  article: { id: string; path: string };
  /** A copy of the sample dataset (the publish run edits it) and the generated archive. */
  sampleDir: string;
  archiveDir: string;
  sampleArticles: number;
  baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv;
  sampleEnv: NodeJS.ProcessEnv;
  /** `next build` timed under the shared lock; once per cwd + distDir per run. */
  build(label: string, cwd: string, distDir: string, env: NodeJS.ProcessEnv, articles: number): Promise<BuildFigures>;
  /** `next start`, stopped when the bench ends (or earlier by the section). */
  startNext(cwd: string, distDir: string, port: number, env: NodeJS.ProcessEnv): Promise<Server>;
  /** The sample site (built on first use) on its fixed port, shared by every section. */
  sampleSite(): Promise<Server>;
  /** Stops `server` when the bench ends. */
  track<S extends Server>(server: S): S;
  stopAll(): Promise<void>;
};

export const SAMPLE_PORT = 3131;
export const SAMPLE_DIST = '.next-bench';
export const ARCHIVE_DIST = '.next-bench-archive';

function prerenderedCount(distDir: string): number {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  return Object.keys(manifest.routes).length;
}

export function createContext(fields: Omit<BenchContext, 'baseEnv' | 'sampleEnv' | 'build' | 'startNext' | 'sampleSite' | 'track' | 'stopAll'>): BenchContext {
  const bin = path.join(fields.root, 'node_modules/.bin');
  const servers: Server[] = [];
  const builds = new Map<string, Promise<BuildFigures>>();
  let sample: Promise<Server> | undefined;

  const baseEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // npm test type-checks; the build rows time building, the same code for any dataset.
    SKIP_BUILD_TYPECHECK: '1',
    SANITY_REVALIDATE_SECRET: fields.secret,
    // The bench hammers /search too little to matter, but never wants a 429 in its figures.
    SEARCH_RATE_LIMIT: '1000000',
    ...extra,
  });

  async function buildOnce(label: string, cwd: string, distDir: string, env: NodeJS.ProcessEnv, articles: number): Promise<BuildFigures> {
    const dist = path.join(cwd, distDir);
    // Kept beside the build, so a reused build still reports what building it took.
    const record = path.join(dist, 'bench-build.json');
    if (fields.options.reuse && existsSync(path.join(dist, 'BUILD_ID'))) {
      console.log(`bench: reusing the ${label} build in ${distDir}`);
      if (existsSync(record)) return { ...(JSON.parse(readFileSync(record, 'utf8')) as BuildFigures), reused: true };
      return { reused: true, prerendered: prerenderedCount(dist), articles };
    }
    console.log(`bench: building ${label} into ${distDir} (waits for /tmp/next-build.lock)`);
    const result = await timedBuild(cwd, { ...env, NEXT_DIST_DIR: distDir });
    const figures = { reused: false, seconds: result.seconds, peakRssMb: result.peakRssBytes / 2 ** 20, prerendered: prerenderedCount(dist), articles };
    writeFileSync(record, JSON.stringify(figures));
    return figures;
  }

  const ctx: BenchContext = {
    ...fields,
    baseEnv,
    sampleEnv: baseEnv({ CONTENT_DATASET: fields.sampleDir }),
    build(label, cwd, distDir, env, articles) {
      const key = path.join(cwd, distDir);
      if (!builds.has(key)) builds.set(key, buildOnce(label, cwd, distDir, env, articles));
      return builds.get(key)!;
    },
    async startNext(cwd, distDir, port, env) {
      return ctx.track(
        await startProcess(path.join(bin, 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
          cwd,
          env: { ...env, NEXT_DIST_DIR: distDir, SITE_URL: `http://127.0.0.1:${port}` },
          readyUrl: `http://127.0.0.1:${port}/api/health`,
          url: `http://127.0.0.1:${port}`,
        }),
      );
    },
    sampleSite() {
      sample ??= ctx
        .build('the sample site', fields.root, SAMPLE_DIST, ctx.sampleEnv, fields.sampleArticles)
        .then(() => ctx.startNext(fields.root, SAMPLE_DIST, SAMPLE_PORT, ctx.sampleEnv));
      return sample;
    },
    track(server) {
      servers.push(server);
      return server;
    },
    async stopAll() {
      for (const server of servers.reverse()) await server.stop();
    },
  };
  return ctx;
}

/** GET with one retry: a kept-alive socket the server closed while idle fails the first try. */
export async function get(url: string | URL): Promise<string> {
  try {
    return await (await fetch(url)).text();
  } catch {
    return await (await fetch(url)).text();
  }
}

export async function warm(base: string, paths: string[], times = 3): Promise<void> {
  for (let i = 0; i < times; i++) for (const p of paths) await get(new URL(p, base));
}
