import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const SECRETS = [
  'e2e-webhook-secret-0123456789abcdef',
  'e2e-preview-secret-0123456789abcdef',
  'e2e-read-token-must-stay-on-the-server',
  'e2e-write-token-must-stay-on-the-server',
];

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

test('the Studio has its own policy and is kept out of search engines', async ({ request }) => {
  const response = await request.get('/studio');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain('https://*.sanity.io');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  expect(await response.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
});

test('no secret reaches client JavaScript', () => {
  const files = filesUnder('.next-e2e-sample/static').filter((file) => /\.(js|json|css|html)$/.test(file));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});
