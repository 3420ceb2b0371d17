import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SEARCH_LIMIT, DEFAULT_SEARCH_WINDOW_SECONDS, type RateLimitConfig } from './http/rate-limit.ts';
import { DEFAULT_API_VERSION, DEFAULT_CONTENT_LAKE_PORT, DEFAULT_DATASET } from './sanity/defaults.ts';

/**
 * The one place the server reads its environment. Everything is validated at
 * first use so a typo in a deployment fails loudly with the variable's name.
 * `CONTENT_DATASET` and `SITE_URL` are read the same way at build and at run
 * time (no NEXT_PUBLIC_ inlining), so a build and its server agree.
 */
const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** `http://a,http://b` → two URLs; a bad entry fails with its value. */
const urlList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

/*
 * A secret anyone can guess lets them purge pages (the webhook) or read drafts
 * (draft mode): at least 32 characters. The message never repeats the value.
 */
export const SECRET_MIN_LENGTH = 32;
const secret = optional.pipe(
  z.string().min(SECRET_MIN_LENGTH, `must be at least ${SECRET_MIN_LENGTH} characters; generate one with: openssl rand -hex 32`).optional(),
);

const PORT_MESSAGE = 'must be a port number, 1 to 65535';
const port = z
  .string()
  .regex(/^\d{1,5}$/, PORT_MESSAGE)
  .transform(Number)
  .refine((value) => value >= 1 && value <= 65535, PORT_MESSAGE);

const envSchema = z.object({
  SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  CONTENT_DATASET: optional,
  NEXT_PUBLIC_SANITY_PROJECT_ID: optional.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be a Sanity project id (a-z, 0-9, -)')
      .optional(),
  ),
  NEXT_PUBLIC_SANITY_DATASET: optional,
  NEXT_PUBLIC_SANITY_API_VERSION: optional.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  ),
  SANITY_API_READ_TOKEN: optional,
  // Only the import CLI writes (`--to sanity`); the site never needs it.
  SANITY_API_WRITE_TOKEN: optional,
  SANITY_API_HOST: optional.pipe(z.url().optional()),
  SANITY_REVALIDATE_SECRET: secret,
  PREVIEW_SECRET: secret,
  // The build folder (next.config.ts distDir); /media caches its resized images inside it.
  NEXT_DIST_DIR: optional,
  // Edge caches a publish purges by cache tag (deploy/varnish.vcl), comma-separated.
  EDGE_PURGE_URLS: optional.pipe(urlList.optional()),
  // A WebSub hub: feeds name it and a publish pings it for every feed it touches.
  WEBSUB_HUB_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  // The local Content Lake (lake/), run when no project id is set: its loopback port, which the
  // Studio at /studio learns at request time (contentLakeUrl), so a build runs on any port.
  CONTENT_LAKE_PORT: optional.pipe(port.optional()).transform((value) => value ?? DEFAULT_CONTENT_LAKE_PORT),
});

export type ServerEnv = z.infer<typeof envSchema>;

export type ContentSourceConfig =
  | { kind: 'embedded'; datasetPath: string }
  | {
      kind: 'sanity';
      projectId: string;
      dataset: string;
      apiVersion: string;
      token?: string;
      apiHost?: string;
    };

export { DEFAULT_API_VERSION, DEFAULT_CONTENT_LAKE_PORT, DEFAULT_DATASET };
export const SAMPLE_DATASET = 'sanity/sample-dataset';

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Sanity when a project is configured, else the embedded dataset. Decided once. */
export function contentSourceFrom(env: ServerEnv, cwd = process.cwd()): ContentSourceConfig {
  // A project id alone means Sanity, on the `production` dataset: the same rule as the Studio
  // (sanity/env.ts), so editors and readers never look at different content.
  if (env.NEXT_PUBLIC_SANITY_PROJECT_ID) {
    return {
      kind: 'sanity',
      projectId: env.NEXT_PUBLIC_SANITY_PROJECT_ID,
      dataset: env.NEXT_PUBLIC_SANITY_DATASET ?? DEFAULT_DATASET,
      apiVersion: env.NEXT_PUBLIC_SANITY_API_VERSION ?? DEFAULT_API_VERSION,
      token: env.SANITY_API_READ_TOKEN,
      apiHost: env.SANITY_API_HOST,
    };
  }
  return { kind: 'embedded', datasetPath: path.resolve(cwd, env.CONTENT_DATASET ?? SAMPLE_DATASET) };
}

/**
 * The local Content Lake as the editor's browser reaches it. Always `localhost`: the lake listens on
 * loopback, the Studio prepends the project id (`no-project.localhost`, which browsers resolve to
 * loopback) and the /studio policy allows loopback names only (lib/http/security-headers.ts).
 */
export function contentLakeUrl(env: ServerEnv): string {
  return `http://localhost:${env.CONTENT_LAKE_PORT}`;
}

/**
 * The local Content Lake as a Sanity project, for the one thing the server asks it directly:
 * the Presentation tool's preview secret. Loopback and the lake's open mode: the token is a
 * placeholder the lake does not check, there only because Sanity's handshake insists on one.
 */
export function localLakeProject(env: ServerEnv): Extract<ContentSourceConfig, { kind: 'sanity' }> & { token: string } {
  return {
    kind: 'sanity',
    projectId: 'no-project',
    dataset: env.NEXT_PUBLIC_SANITY_DATASET ?? DEFAULT_DATASET,
    apiVersion: env.NEXT_PUBLIC_SANITY_API_VERSION ?? DEFAULT_API_VERSION,
    apiHost: `http://127.0.0.1:${env.CONTENT_LAKE_PORT}`,
    token: 'local-content-lake',
  };
}

/** Where /media keeps resized images: beside Next's own caches in the build folder, never in the repo. */
export function mediaCacheFolder(env: ServerEnv, cwd = process.cwd()): string {
  return path.resolve(cwd, env.NEXT_DIST_DIR ?? '.next', 'cache', 'media');
}

/**
 * Where the content source's last good results outlive the process: in the build folder, which
 * `next build` seeds (lib/cache-handlers/last-good-disk.ts). Not under cache/: a copy of a build
 * without Next's build cache must keep them.
 */
export function lastGoodFolder(env: ServerEnv, cwd = process.cwd()): string {
  return path.resolve(cwd, env.NEXT_DIST_DIR ?? '.next', 'last-good');
}

let cached: ServerEnv | undefined;
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

type RawEnv = Record<string, string | undefined>;

/**
 * Everything the server reads, checked at once before it serves: the app's variables and the
 * proxy's budgets. The problem, naming the variable (never a secret's value), or undefined.
 * instrumentation.ts and scripts/start.ts stop the process on one.
 */
export function environmentProblem(env: RawEnv = process.env): string | undefined {
  try {
    parseEnv(env);
    rateLimitConfigFrom(env);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/*
 * Variables read before or beside the app, each group on its own so one bad
 * value elsewhere cannot switch it off: the proxy's budgets and the Redis
 * cache handlers (which Next.js loads from their file path, outside the app).
 */

/**
 * `SEARCH_RATE_LIMIT` requests per `SEARCH_RATE_WINDOW_SECONDS` (30 a minute by
 * default); `TRUST_PROXY=1` when a proxy of ours sets X-Forwarded-For. A value
 * that is not a positive whole number fails loudly with its name.
 */
export function rateLimitConfigFrom(env: RawEnv = process.env): RateLimitConfig {
  return {
    limit: positiveInt(env, 'SEARCH_RATE_LIMIT', DEFAULT_SEARCH_LIMIT),
    windowMs: positiveInt(env, 'SEARCH_RATE_WINDOW_SECONDS', DEFAULT_SEARCH_WINDOW_SECONDS) * 1000,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}

function positiveInt(env: RawEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`Invalid environment: ${name} must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

/** `REDIS_URL` turns the shared cache on; `REDIS_KEY_PREFIX` lets several sites share one Redis. */
/** True while `next build` runs (it prerenders, and what it reads seeds the last good results). */
export function isBuildPhase(env: RawEnv = process.env): boolean {
  return env.NEXT_PHASE === 'phase-production-build';
}

export function redisCacheEnv(env: RawEnv = process.env): { url?: string; keyPrefix: string } {
  return { url: env.REDIS_URL?.trim() || undefined, keyPrefix: env.REDIS_KEY_PREFIX?.trim() || 'nmn:' };
}
