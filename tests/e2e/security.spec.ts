import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SITE_BUILD, TEST_SECRETS } from '../helpers/builds.ts';
import { sitePolicy, studioPolicy } from '../../lib/http/security-headers.ts';

const SECRETS = Object.values(TEST_SECRETS);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('every page carries the security headers, with a static policy', async ({ request }) => {
  for (const path of ['/', '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions', '/tags/world', '/no-such-page']) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    expect(csp, path).toContain("form-action 'self'");
    expect(csp, path).toContain("frame-ancestors 'self'");
    expect(csp, path).not.toContain('nonce-');
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});

const ARTICLE = '/articles/kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const IMAGE = '/media/ab029857feb21aac5868bbe4abb56839d294cb36-1200x675.png';

// Every kind of response the site gives: pages, 404s, errors, feeds, files, APIs, redirects.
const SITE_PATHS: [method: 'GET' | 'POST', path: string][] = [
  ['GET', '/'],
  ['GET', ARTICLE],
  ['GET', '/tags/world'],
  ['GET', '/tags/world/feed.xml'],
  ['GET', '/search?q=harbour'],
  ['GET', '/no-such-page'],
  ['GET', '/articles/no-such-article'],
  ['GET', '/articles/%E0%A4%A'],
  ['GET', '/feed.xml'],
  ['GET', '/atom.xml'],
  ['GET', '/feed.json'],
  ['GET', '/sitemap.xml'],
  ['GET', '/news-sitemap.xml'],
  ['GET', '/robots.txt'],
  ['GET', '/manifest.webmanifest'],
  ['GET', '/favicon.ico'],
  ['GET', IMAGE],
  ['GET', '/media/no-such-file.png'],
  ['GET', '/media/..%2Fdata.ndjson'],
  ['GET', '/api/health'],
  ['GET', '/api/revalidate'],
  ['POST', '/api/revalidate'],
  ['GET', '/api/draft-mode/enable?secret=wrong'],
  ['GET', '/api/draft-mode/disable?redirect=/.//evil.example/x'],
  ['GET', '/api/no-such-route'],
  ['GET', '/studiox'],
  ['GET', '/studio-foo'],
  ['GET', '/studios/x'],
];
const STUDIO_PATHS = ['/studio', '/studio/structure', '/studio/presentation', '/studio/no-such-tool'];

test('every response carries the site policy and the common headers, whatever its status', async ({ request }) => {
  const statuses = new Set<number>();
  for (const [method, path] of SITE_PATHS) {
    const response = await request.fetch(path, { method, maxRedirects: 0, data: method === 'POST' ? '{}' : undefined });
    statuses.add(response.status());
    const headers = response.headers();
    const where = `${method} ${path} (${response.status()})`;
    expect(headers['content-security-policy'], where).toBe(sitePolicy);
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    expect(headers['strict-transport-security'], where).toMatch(/max-age=\d+/);
    expect(headers['x-frame-options'], where).toBe('SAMEORIGIN');
    expect(headers['x-robots-tag'] ?? '', where).not.toContain('nofollow');
  }
  // The walk really covered successes, redirects, client errors and refusals.
  expect([...statuses]).toEqual(expect.arrayContaining([200, 307, 400, 401, 404, 405]));
});

test('/studio and every path under it carry the Studio policy', async ({ request }) => {
  for (const path of STUDIO_PATHS) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-security-policy'], path).toBe(studioPolicy);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
  }
});

test('the Studio page’s icons and manifest are served', async ({ request }) => {
  const html = await (await request.get('/studio')).text();
  const links = [...html.matchAll(/<link[^>]+rel="(icon|apple-touch-icon|manifest)"[^>]*>/g)];
  const hrefs = links.map((link) => /href="([^"]+)"/.exec(link[0])?.[1]?.replaceAll('&amp;', '&'));
  expect(links.map((link) => link[1])).toEqual(expect.arrayContaining(['icon', 'manifest']));
  for (const href of hrefs) {
    expect(href).toBeDefined();
    expect((await request.get(href!)).status(), href).toBe(200);
  }
});

test('leaving draft mode never redirects off the site, whatever the encoding', async ({ request, baseURL }) => {
  for (const target of [
    '/.//evil.example/x',
    '/..//evil.example',
    '/%2e//evil.example',
    '/a/..//evil.example',
    '/\\evil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    'java%0ascript:alert(1)',
  ]) {
    const response = await request.get(`/api/draft-mode/disable?redirect=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    const location = response.headers()['location'] ?? '';
    expect(new URL(location, baseURL).origin, `${target} → ${location}`).toBe(new URL(baseURL!).origin);
    expect(location.startsWith('//'), location).toBe(false);
  }
});

test('the Studio has its own policy and is kept out of search engines', async ({ request }) => {
  const response = await request.get('/studio');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain('https://*.sanity.io');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  expect(await response.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
});

test('no secret reaches client JavaScript', () => {
  const files = filesUnder(`${SITE_BUILD.distDir}/static`).filter((file) => /\.(js|json|css|html)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});
