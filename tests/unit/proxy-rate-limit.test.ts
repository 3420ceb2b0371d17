import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_LIMIT } from '../../lib/http/rate-limit.ts';
import { config, proxy } from '../../proxy.ts';

const get = (path: string) => proxy(new NextRequest(`http://localhost${path}`));

describe('the request proxy', () => {
  it('runs for search and the draft-mode enable route', () => {
    expect(config.matcher).toEqual(['/search', '/api/draft-mode/enable', '/(.*%.*)']);
  });

  it('refuses a path with broken percent-encoding with 400, and lets good escapes through', async () => {
    for (const path of ['/articles/%E0%A4%A', '/tags/%', '/studio/%zz', '/%E0']) {
      const response = get(path);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toBe('Bad request: the address has broken percent-encoding.\n');
    }
    for (const path of ['/articles/%D0%BA%D0%B8%D1%80', '/articles/100%25', '/media/a%20b.png']) expect(get(path).status, path).toBe(200);
  });

  it('limits preview attempts like searches, in a budget of their own', async () => {
    const statuses = Array.from({ length: DEFAULT_SEARCH_LIMIT + 1 }, (_, i) => get(`/api/draft-mode/enable?secret=guess-${i}`).status);
    expect(statuses.slice(0, DEFAULT_SEARCH_LIMIT).every((status) => status === 200)).toBe(true);
    const refused = get('/api/draft-mode/enable?secret=one-more');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // Says what to do, and never echoes the secret it was given.
    expect(await refused.text()).toMatch(/^Too many preview attempts\. Try again in \d+ seconds\.\n$/u);
    // Searching is budgeted separately: the same client still searches.
    expect(get('/search?q=harbour').status).toBe(200);
  });
});
