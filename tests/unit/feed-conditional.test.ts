import { describe, expect, it } from 'vitest';
import { conditionalResponse, etagOf, isNotModified } from '@/lib/http/conditional';

const body = '<rss>…</rss>';
const cached = { body, contentType: 'application/rss+xml; charset=utf-8', etag: etagOf(body), lastModified: '2026-11-25T14:00:00.000Z' };
const get = (headers: Record<string, string> = {}) => new Request('https://news.example/feed.xml', { headers });

describe('conditional GET for feed pollers', () => {
  it('a first request gets the body with its validators and cache policy', async () => {
    const response = conditionalResponse(get(), cached);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('etag')).toBe(cached.etag);
    expect(response.headers.get('last-modified')).toBe('Wed, 25 Nov 2026 14:00:00 GMT');
    expect(response.headers.get('cache-control')).toMatch(/^public, .*s-maxage=60, stale-while-revalidate=\d+/);
  });

  it('a poller sending the ETag back gets 304 with no body', async () => {
    const response = conditionalResponse(get({ 'If-None-Match': cached.etag }), cached);
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(cached.etag);
  });

  it('matches weak tags, lists and "*", and a changed body is a new tag', () => {
    expect(isNotModified(get({ 'If-None-Match': `"x", W/${cached.etag}` }).headers, cached)).toBe(true);
    expect(isNotModified(get({ 'If-None-Match': '*' }).headers, cached)).toBe(true);
    expect(isNotModified(get({ 'If-None-Match': etagOf(`${body} `) }).headers, cached)).toBe(false);
    expect(etagOf(body)).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('If-Modified-Since answers 304 at or after Last-Modified, to the second', () => {
    expect(isNotModified(get({ 'If-Modified-Since': 'Wed, 25 Nov 2026 14:00:00 GMT' }).headers, cached)).toBe(true);
    expect(isNotModified(get({ 'If-Modified-Since': 'Thu, 26 Nov 2026 08:00:00 GMT' }).headers, cached)).toBe(true);
    expect(isNotModified(get({ 'If-Modified-Since': 'Wed, 25 Nov 2026 13:59:59 GMT' }).headers, cached)).toBe(false);
    expect(isNotModified(get({ 'If-Modified-Since': 'not a date' }).headers, cached)).toBe(false);
    expect(isNotModified(get({ 'If-Modified-Since': 'Wed, 25 Nov 2026 14:00:00 GMT' }).headers, { etag: cached.etag })).toBe(false);
  });

  it('If-None-Match wins over If-Modified-Since', () => {
    const headers = { 'If-None-Match': '"stale"', 'If-Modified-Since': 'Thu, 26 Nov 2026 08:00:00 GMT' };
    expect(isNotModified(get(headers).headers, cached)).toBe(false);
  });
});
