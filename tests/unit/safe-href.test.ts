import { describe, expect, it } from 'vitest';
import { safeHref, safeWebUrl } from '@/lib/urls/safe-href';

describe('safeHref: only http, https, mailto and site-relative links render live', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org/'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['/articles/x', '/articles/x'],
    ['#section', '#section'],
    ['  https://example.org  ', 'https://example.org/'],
  ])('keeps %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/\\evil.example',
    'https:',
    'ftp://example.org',
    'relative/path',
    '',
    42,
    null,
    undefined,
    { href: 'https://example.org' },
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeUndefined();
  });

  it('links an outlet home page only over http(s)', () => {
    expect(safeWebUrl('https://outlet.example')).toBe('https://outlet.example/');
    expect(safeWebUrl('mailto:a@b.example')).toBeUndefined();
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
  });
});
