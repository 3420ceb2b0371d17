import { describe, expect, it } from 'vitest';
import { rateLimitConfigFrom } from '../../lib/env.ts';
import { clientKey, createRateLimiter, SHARED_CLIENT } from '../../lib/http/rate-limit.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('lets a client use its whole budget, then refuses with how long to wait', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 30, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 30; i++) expect(limiter.take('a').allowed).toBe(true);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('gives one more request back every window/limit, and a full budget after a quiet window', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 30, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 30; i++) limiter.take('a');
    time.advance(1_999);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(1);
    // The refused request above does not cost a token: 2 s after the burst, one is back.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(60_000);
    let allowed = 0;
    while (limiter.take('a').allowed) allowed++;
    expect(allowed).toBe(30);
  });

  it('keeps each client to its own budget', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: time.now });
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b')).toEqual({ allowed: true, remaining: 1 });
  });

  it('never tracks more than maxKeys clients, forgetting idle ones first', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, maxKeys: 100, now: time.now });
    for (let i = 0; i < 100; i++) limiter.take(`idle-${i}`);
    limiter.take('busy');
    limiter.take('busy');
    time.advance(1_000); // a whole window later every bucket is full again, so forgettable
    for (let i = 0; i < 10_000; i++) limiter.take(`flood-${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });

  it('keeps a recently refused client when the table is full of idle ones', () => {
    const time = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: time.now });
    limiter.take('x');
    limiter.take('y');
    time.advance(60_000); // x and y are full again: forgettable
    limiter.take('hammer');
    expect(limiter.take('hammer').allowed).toBe(false);
    limiter.take('new-1');
    limiter.take('new-2');
    expect(limiter.size()).toBe(3);
    expect(limiter.take('hammer').allowed).toBe(false);
  });

  it('refuses a nonsensical budget', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(/limit/);
  });
});

describe('clientKey', () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it('takes the right-most X-Forwarded-For entry (the one our proxy appended) when the proxy is trusted', () => {
    expect(clientKey(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), true)).toBe('203.0.113.7');
    expect(clientKey(headers({ 'x-real-ip': '198.51.100.2' }), true)).toBe('198.51.100.2');
  });

  it('ignores forgeable headers without a trusted proxy: everybody shares one budget', () => {
    expect(clientKey(headers({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), false)).toBe(SHARED_CLIENT);
    expect(clientKey(headers({}), true)).toBe(SHARED_CLIENT);
  });

  it('bounds the key length so a huge header cannot bloat memory', () => {
    expect(clientKey(headers({ 'x-forwarded-for': 'a'.repeat(5000) }), true)).toHaveLength(64);
  });
});

describe('rateLimitConfigFrom', () => {
  it('defaults to 30 searches a minute, untrusted proxy', () => {
    expect(rateLimitConfigFrom({})).toEqual({ limit: 30, windowMs: 60_000, trustProxy: false });
  });

  it('reads the budget and the proxy switch, and names a bad value', () => {
    expect(rateLimitConfigFrom({ SEARCH_RATE_LIMIT: '5', SEARCH_RATE_WINDOW_SECONDS: '10', TRUST_PROXY: '1' })).toEqual({
      limit: 5,
      windowMs: 10_000,
      trustProxy: true,
    });
    expect(() => rateLimitConfigFrom({ SEARCH_RATE_LIMIT: 'lots' })).toThrow(/SEARCH_RATE_LIMIT/);
  });
});
