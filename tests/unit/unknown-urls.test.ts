import { describe, expect, it } from 'vitest';
import { isUnknownUrlPage } from '../../lib/cache-handlers/unknown-urls.ts';

describe('isUnknownUrlPage', () => {
  it("is a dynamic URL's rendered 404, not the app's own not-found page nor a found page", () => {
    expect(isUnknownUrlPage('/articles/made-up', { kind: 'APP_PAGE', status: 404 })).toBe(true);
    expect(isUnknownUrlPage('/tags/climate/page/999', { kind: 'APP_PAGE', status: 404 })).toBe(true);
    expect(isUnknownUrlPage('/_not-found', { kind: 'APP_PAGE', status: 404 })).toBe(false);
    expect(isUnknownUrlPage('/articles/real', { kind: 'APP_PAGE', status: 200 })).toBe(false);
    expect(isUnknownUrlPage('/feed.xml', { kind: 'APP_ROUTE', status: 404 })).toBe(false);
    expect(isUnknownUrlPage('/articles/x', null)).toBe(false);
  });
});
