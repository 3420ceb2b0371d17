import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_LIMIT } from '../../lib/http/rate-limit.ts';
import { config, proxy } from '../../proxy.ts';

const get = (path: string) => proxy(new NextRequest(`http://localhost${path}`));

describe('the request proxy', () => {
  it('runs for search and the draft-mode enable route', () => {
    expect(config.matcher).toEqual(['/search', '/api/draft-mode/enable']);
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
