import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { securityHeaders, sitePolicy, studioPolicy } from '../../lib/http/security-headers.ts';

const require = createRequire(import.meta.url);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/u);
      return [name, sources];
    }),
  );
}

/** CSP host-source matching, enough for https://host and https://*.suffix sources. */
function allows(policy: string, directive: string, url: string): boolean {
  const target = new URL(url);
  const sources = directives(policy).get(directive) ?? directives(policy).get('default-src') ?? [];
  return sources.some((source) => {
    const match = /^(https?|wss?):\/\/(\*\.)?([^/]+)$/u.exec(source);
    if (!match) return false;
    const [, scheme, wildcard, host = ''] = match;
    if (`${scheme}:` !== target.protocol) return false;
    return wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
  });
}

/** The headers Next.js would send for a path: every matching rule, the later one winning per key. */
function headersFor(pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of securityHeaders) {
    if (!getPathMatch(rule.source)(pathname)) continue;
    for (const { key, value } of rule.headers) result.set(key.toLowerCase(), value);
  }
  return result;
}

/** Sanity hosts named in an installed package's file, so an upgrade that adds one fails here. */
function sanityUrlsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...new Set(text.match(/https:\/\/[a-z0-9.-]+\.(?:sanity\.io|sanity-cdn\.com)\/[A-Za-z0-9._/-]+/gu) ?? [])];
}

describe('the Studio policy lets Sanity’s Studio run', () => {
  it('loads the bridge script next-sanity’s NextStudio adds', () => {
    const scripts = sanityUrlsIn(require.resolve('next-sanity/studio')).filter((url) => url.endsWith('.js'));
    expect(scripts).toContain('https://core.sanity-cdn.com/bridge.js');
    for (const url of scripts) expect(allows(studioPolicy, 'script-src', url), url).toBe(true);
  });

  it('loads the Studio’s fonts from Sanity’s font hosts', () => {
    // The document Sanity's own Studio build renders (its package exports no such subpath).
    const fonts = sanityUrlsIn('node_modules/@sanity/cli-build/dist/actions/build/renderDocumentWorker/components/DefaultDocument.js')
      .filter((url) => url.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(0);
    // design-system-static: what Chromium's console showed the Studio fetching at /studio (issue 14).
    for (const url of [...fonts, 'https://design-system-static.sanity.io/fonts/inter.woff2']) {
      expect(allows(studioPolicy, 'font-src', url), url).toBe(true);
    }
  });

  it('reaches the Content Lake, its CDN and live listeners, and shows asset images', () => {
    for (const url of ['https://abc123.api.sanity.io/v2025-02-19/data/query/production', 'https://abc123.apicdn.sanity.io/v1/x', 'https://api.sanity.io/v1/auth/providers', 'wss://abc123.api.sanity.io/v1/listen']) {
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
});

describe('every path gets one of the two policies', () => {
  it.each(['/', '/articles/x', '/no-such-page', '/feed.xml', '/media/a.png', '/api/health', '/api/draft-mode/enable', '/studiox', '/studio-foo', '/studios/x', '/_next/static/chunks/a.js'])(
    '%s carries the site policy and the common headers',
    (path) => {
      const headers = headersFor(path);
      expect(headers.get('content-security-policy')).toBe(sitePolicy);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/u);
      expect(headers.get('x-robots-tag')).toBeUndefined();
    },
  );

  it.each(['/studio', '/studio/structure', '/studio/presentation/article;x', '/studio/vision'])('%s carries the Studio policy', (path) => {
    const headers = headersFor(path);
    expect(headers.get('content-security-policy')).toBe(studioPolicy);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });
});
