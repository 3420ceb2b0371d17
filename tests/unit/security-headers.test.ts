import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it, vi } from 'vitest';
import { securityHeadersFor, sitePolicy, studioPolicyFor, type StudioMode } from '../../lib/http/security-headers.ts';

const require = createRequire(import.meta.url);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/u);
      return [name, sources];
    }),
  );
}

/** CSP host-source matching, enough for scheme://host, scheme://*.suffix and an optional :port or :*. */
function allows(policy: string, directive: string, url: string): boolean {
  const target = new URL(url);
  const targetPort = target.port || { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' }[target.protocol];
  const sources = directives(policy).get(directive) ?? directives(policy).get('default-src') ?? [];
  return sources.some((source) => {
    const match = /^(https?|wss?):\/\/(\*\.)?([^/:]+)(?::(\d+|\*))?$/u.exec(source);
    if (!match) return false;
    const [, scheme, wildcard, host = '', port] = match;
    if (`${scheme}:` !== target.protocol) return false;
    if (port !== '*' && (port ?? { http: '80', https: '443', ws: '80', wss: '443' }[scheme ?? '']) !== targetPort) return false;
    return wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
  });
}

/** A rule's parameters for a path as Next's router matches headers (lib/router-utils/filesystem.js), or false. */
function matchAsNext(source: string, pathname: string) {
  return getPathMatch(source, { strict: true, removeUnnamedParams: true })(pathname);
}

/** The headers Next.js would send for a path: every matching rule, the later one winning per key. */
function headersFor(pathname: string, mode: StudioMode): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of securityHeadersFor(mode)) {
    if (!matchAsNext(rule.source, pathname)) continue;
    for (const { key, value } of rule.headers) result.set(key.toLowerCase(), value);
  }
  return result;
}

/** Sanity hosts named in an installed package's file, so an upgrade that adds one fails here. */
function sanityUrlsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...new Set(text.match(/https:\/\/[a-z0-9.-]+\.(?:sanity\.io|sanity-cdn\.com)\/[A-Za-z0-9._/-]+/gu) ?? [])];
}

const MODES: StudioMode[] = ['project', 'local'];

describe.each(MODES)('the Studio policy (%s mode) lets Sanity’s Studio run', (mode) => {
  const studioPolicy = studioPolicyFor(mode);

  it('loads the bridge script next-sanity’s NextStudio adds', () => {
    const scripts = sanityUrlsIn(require.resolve('next-sanity/studio')).filter((url) => url.endsWith('.js'));
    expect(scripts).toContain('https://core.sanity-cdn.com/bridge.js');
    for (const url of scripts) expect(allows(studioPolicy, 'script-src', url), url).toBe(true);
  });

  it('loads the Studio’s fonts from Sanity’s font hosts', () => {
    // The document Sanity's own Studio build renders (its package exports no such subpath).
    const fonts = sanityUrlsIn('node_modules/@sanity/cli-build/dist/actions/build/renderDocumentWorker/components/DefaultDocument.js').filter((url) =>
      url.endsWith('.woff2'),
    );
    expect(fonts.length).toBeGreaterThan(0);
    // design-system-static: what Chromium's console showed the Studio fetching at /studio (issue 14).
    for (const url of [...fonts, 'https://design-system-static.sanity.io/fonts/inter.woff2']) {
      expect(allows(studioPolicy, 'font-src', url), url).toBe(true);
    }
  });

  it('reaches the Content Lake, its CDN and live listeners, and shows asset images', () => {
    for (const url of [
      'https://abc123.api.sanity.io/v2025-02-19/data/query/production',
      'https://abc123.apicdn.sanity.io/v1/x',
      'https://api.sanity.io/v1/auth/providers',
      'wss://abc123.api.sanity.io/v1/listen',
    ]) {
      expect(allows(studioPolicy, 'connect-src', url), url).toBe(true);
    }
    expect(allows(studioPolicy, 'img-src', 'https://cdn.sanity.io/images/p/d/a-1x1.png')).toBe(true);
    expect(directives(studioPolicy).get('frame-src')).toEqual(["'self'"]);
  });

  it('still refuses other hosts and plugins', () => {
    expect(allows(studioPolicy, 'script-src', 'https://evil.example/x.js')).toBe(false);
    expect(allows(studioPolicy, 'script-src', 'https://sanity.io.evil.example/x.js')).toBe(false);
    expect(directives(studioPolicy).get('object-src')).toEqual(["'none'"]);
    expect(directives(studioPolicy).get('frame-ancestors')).toEqual(["'self'"]);
  });
});

describe('the site policy', () => {
  it('loads nothing from Sanity but images, and evaluates no strings', () => {
    expect(allows(sitePolicy, 'script-src', 'https://core.sanity-cdn.com/bridge.js')).toBe(false);
    expect(allows(sitePolicy, 'font-src', 'https://studio-static.sanity.io/Inter-Regular.woff2')).toBe(false);
    expect(allows(sitePolicy, 'img-src', 'https://cdn.sanity.io/images/p/d/a-1x1.png')).toBe(true);
    expect(directives(sitePolicy).get('script-src')).not.toContain("'unsafe-eval'");
    expect(sitePolicy).not.toContain('nonce-');
  });

  it('is sent as it is written: its rule captures no parameter for Next to compile into it on every response', () => {
    const [siteRule] = securityHeadersFor('local');
    // The policy holds colons (https:, data:), which Next treats as parameter references when the rule has parameters.
    expect(siteRule?.headers.find((header) => header.key === 'Content-Security-Policy')?.value).toContain(':');
    for (const path of ['/', '/articles/x', '/tags/world/page/2', '/feed.xml']) expect(matchAsNext(siteRule!.source, path)).toEqual({});
  });
});

describe.each(MODES)('every path gets one of the two policies (%s mode)', (mode) => {
  it.each([
    '/',
    '/articles/x',
    '/no-such-page',
    '/feed.xml',
    '/media/a.png',
    '/api/health',
    '/api/draft-mode/enable',
    '/studiox',
    '/studio-foo',
    '/studios/x',
    '/_next/static/chunks/a.js',
  ])('%s carries the site policy and the common headers', (path) => {
    const headers = headersFor(path, mode);
    expect(headers.get('content-security-policy')).toBe(sitePolicy);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/u);
    expect(headers.get('x-robots-tag')).toBeUndefined();
  });

  it.each(['/studio', '/studio/structure', '/studio/presentation/article;x', '/studio/vision'])('%s carries the Studio policy', (path) => {
    const headers = headersFor(path, mode);
    expect(headers.get('content-security-policy')).toBe(studioPolicyFor(mode));
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });
});

/*
 * Without a Sanity project the Studio talks to the local Content Lake on this
 * machine (sanity/local-lake.ts): the API and listeners on no-project.localhost:<port>,
 * images on localhost:<port>, the port chosen when the site starts.
 */
const LAKE_CALLS = [
  'http://no-project.localhost:4343/v2026-05-04/users/me',
  'http://no-project.localhost:5050/v2025-02-19/data/listen/production?query=*',
  'ws://no-project.localhost:4343/v2022-06-30/socket/production?tag=sanity.studio',
  'http://localhost:4343/v1/check/cors',
];
const LAKE_IMAGE = 'http://localhost:4343/images/no-project/production/ab029857feb21aac5868bbe4abb56839d294cb36-1200x675.png?w=400';

describe('the Studio policy and the local Content Lake', () => {
  it('in local mode reaches the lake on any port and shows its images', () => {
    const policy = studioPolicyFor('local');
    for (const url of LAKE_CALLS) expect(allows(policy, 'connect-src', url), url).toBe(true);
    expect(allows(policy, 'img-src', LAKE_IMAGE)).toBe(true);
  });

  it('in local mode never upgrades the lake’s plain-http address to https', () => {
    expect(directives(studioPolicyFor('local')).has('upgrade-insecure-requests')).toBe(false);
  });

  it('in local mode opens nothing beyond loopback names', () => {
    const policy = studioPolicyFor('local');
    for (const url of ['http://evil.example/x', 'http://localhost.evil.example/x', 'ws://evil.example/x', 'http://127.0.0.1.nip.io:4343/x']) {
      expect(allows(policy, 'connect-src', url), url).toBe(false);
    }
    expect(allows(policy, 'img-src', 'http://evil.example/a.png')).toBe(false);
    expect(allows(policy, 'script-src', 'http://localhost:4343/x.js')).toBe(false);
  });

  it('with a project is the policy it always was, with no lake in it', () => {
    const policy = studioPolicyFor('project');
    for (const url of [...LAKE_CALLS, LAKE_IMAGE]) {
      expect(allows(policy, 'connect-src', url), url).toBe(false);
      expect(allows(policy, 'img-src', url), url).toBe(false);
    }
    expect(policy).not.toContain('localhost');
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' https://core.sanity-cdn.com; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob: https://cdn.sanity.io https://*.sanity.io https://lh3.googleusercontent.com https://avatars.githubusercontent.com; " +
        "font-src 'self' data: https://studio-static.sanity.io https://design-system-static.sanity.io; " +
        "connect-src 'self' https://*.sanity.io wss://*.sanity.io https://*.api.sanity.io wss://*.api.sanity.io https://core.sanity-cdn.com; " +
        "frame-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    );
  });

  it.each([
    ['', 'local'],
    ['abc123', 'project'],
  ] as const)('a build with the project id "%s" sends /studio the %s policy (next.config.ts headers)', async (projectId, mode) => {
    vi.resetModules();
    vi.stubEnv('NEXT_PUBLIC_SANITY_PROJECT_ID', projectId);
    try {
      const { default: nextConfig } = await import('../../next.config.ts');
      const rules = (await nextConfig.headers?.()) ?? [];
      const studio = rules.find((rule) => rule.source === '/studio/:path*');
      expect(studio?.headers).toContainEqual({ key: 'Content-Security-Policy', value: studioPolicyFor(mode) });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
