import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '../../lib/draft-mode/safe-redirect.ts';

// Each of these, followed as a Location by a browser (or decoded once more first), would leave the site.
const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '/.//evil.example/x',
  '/././/evil.example',
  '/..//evil.example',
  '/../..//evil.example',
  '/a/..//evil.example',
  '/a/b/../..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/a/%2e%2e//evil.example',
  '/%2e%2e%2f%2fevil.example',
  '/%2f/evil.example',
  '/%2F%2Fevil.example',
  '%2f%2fevil.example',
  '/%252f%252fevil.example',
  '/%25252f%25252fevil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '/%255cevil.example',
  '/./\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d/evil.example',
  '/%00/evil.example',
  '/\u0000/evil.example',
  'https://evil.example',
  'http://evil.example/articles/x',
  'https:evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'java%0ascript:alert(1)',
  'java\nscript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'mailto:someone@evil.example',
  ' //evil.example',
  '\t//evil.example',
  'evil.example',
  'articles/x',
  '',
  '/'.padEnd(3000, 'a'),
];

const GOOD: [string, string][] = [
  ['/', '/'],
  ['/articles/kazakhstan-silences-voices', '/articles/kazakhstan-silences-voices'],
  ['/articles/x?preview=1#top', '/articles/x?preview=1#top'],
  ['/tags/world/page/2', '/tags/world/page/2'],
  ['/search?q=harbour+reopens', '/search?q=harbour+reopens'],
  ['/articles/%D0%BA%D0%B8%D1%80', '/articles/%D0%BA%D0%B8%D1%80'],
  ['/articles/./x', '/articles/x'],
  ['/articles/a/../x', '/articles/x'],
  ['/../articles/x', '/articles/x'],
  ['/articles/100%', '/articles/100%'],
  ['/search?next=/articles/x', '/search?next=/articles/x'],
  ['/javascript:alert(1)', '/javascript:alert(1)'],
];

describe('safeRedirectPath', () => {
  it('has a long list of hostile forms', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE)('refuses %j', (value) => {
    expect(safeRedirectPath(value)).toBe('/');
    expect(safeRedirectPath(value, '/articles/fallback')).toBe('/articles/fallback');
  });

  it.each(GOOD)('keeps %j as %j', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, ['/articles/x'], { toString: () => '/x' }]) {
      expect(safeRedirectPath(value)).toBe('/');
    }
  });

  it('never returns a value that a browser resolves to another origin, decoded or not', () => {
    for (const value of [...HOSTILE, ...GOOD.map(([input]) => input)]) {
      let result = safeRedirectPath(value);
      for (let round = 0; round < 4; round += 1) {
        expect(new URL(result, 'https://site.example').origin, `${JSON.stringify(value)} → ${result}`).toBe('https://site.example');
        expect(result.startsWith('//')).toBe(false);
        result = result.replace(/%([0-7][0-9a-f])/giu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      }
    }
  });
});
