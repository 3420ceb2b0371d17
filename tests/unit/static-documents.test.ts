import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiDocument, stripStaticDocument } from '../../lib/cache-handlers/static-documents.ts';
import { preparePageEntry } from '../../lib/cache-handlers/page-entry.ts';
import { etagOf } from '../../lib/http/conditional.ts';
import { decodedText } from '../helpers/page.ts';

// The about page as `next build` (Next 16.4.6, Turbopack) wrote it: marked by the (site) layout.
const ABOUT = readFileSync(path.join(import.meta.dirname, '../fixtures/next-document/about.html'), 'utf8');
const OURS = '<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>(function island(){})("/x.json")</script>';
// Our own inline scripts, as an article and a live blog carry them, before </body>.
const MARKED = ABOUT.replace('</body>', `${OURS}</body>`);

const stripped = (html: string) => {
  const result = stripStaticDocument(html);
  if (result.kind !== 'stripped') throw new Error(`expected a stripped document, got ${result.kind}`);
  return result.html;
};
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

describe('reader pages without the framework runtime', () => {
  it("drops Next's scripts, their preloads, the inline payload and the mark from a marked page", () => {
    expect(MARKED).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async="">/);
    expect(MARKED).toContain('self.__next_f.push');
    const html = stripped(MARKED);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain('TURBOPACK');
    expect(html).not.toMatch(/<link[^>]*as="script"/);
    expect(html).not.toContain('nmn-static-document');
    expect(html.length).toBeLessThan(MARKED.length / 2);
  });

  it('keeps what a reader sees and our own inline scripts', () => {
    const html = stripped(MARKED);
    expect(main(html)).not.toBe(main(MARKED));
    expect(decodedText(main(html))).toBe(main(MARKED));
    expect(main(html)).toContain('<h1>About <!-- -->NextMinuteNews</h1>');
    expect(html).toContain(OURS);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charSet="utf-8"\/>/);
    expect(html).toMatch(/<style[^>]*>:root\{/);
    expect(html).toContain('<link rel="canonical"');
    expect(html.endsWith('</body></html>')).toBe(true);
  });

  it('leaves a page without the mark (the Studio) exactly as rendered', () => {
    const studio = ABOUT.replace(/<meta name="nmn-static-document"\/>/, '');
    expect(studio).not.toBe(ABOUT);
    expect(stripStaticDocument(studio)).toEqual({ kind: 'unmarked' });
  });

  it('keeps a marked page whole when a framework script it does not know would be left behind', () => {
    const odd = MARKED.replace('</body>', `<script defer src='/_next/static/chunks/new-runtime.js'></script></body>`);
    const result = stripStaticDocument(odd);
    expect(result.kind).toBe('kept');
    expect(result.kind === 'kept' && result.html).toBe(odd);
  });
});

describe('a nearly ASCII document is made ASCII', () => {
  it('writes text and attribute characters as references, CSS characters as CSS escapes, and leaves scripts alone', () => {
    const plain = `<p>${'Plain words of an English story. '.repeat(200)}</p>`;
    expect(asciiDocument(`${plain}<p title="“quoted”">it’s 😀 é</p><style>li+li:before{content:"›"}</style><script>"’"</script>`)).toBe(
      `${plain}<p title="&#x201c;quoted&#x201d;">it&#x2019;s &#x1f600; &#xe9;</p><style>li+li:before{content:"\\203a "}</style><script>"’"</script>`,
    );
  });

  it('turns every character of the real page into ASCII', () => {
    expect(ABOUT).toMatch(/[^\x00-\x7f]/);
    expect(stripped(MARKED)).not.toMatch(/[^\x00-\x7f]/);
  });

  it('leaves a page in another script in UTF-8: references would make it a third larger', () => {
    const russian = `<p>${'В Верхнеозерске открыли новый мост через реку Сарну. '.repeat(20)}</p>`;
    expect(asciiDocument(russian)).toBe(russian);
  });
});

describe('a page-cache entry is prepared once', () => {
  const entry = (html: string) => ({
    kind: 'APP_PAGE' as const,
    html,
    headers: { 'x-next-cache-tags': '_N_T_/layout,doc:page-about' } as Record<string, string>,
    status: 200,
  });

  it('a marked page is stripped and gets the ETag of what is served, with its edge keys', () => {
    const page = entry(MARKED);
    preparePageEntry('/about', page);
    expect(page.html).toBe(stripped(MARKED));
    expect(page.headers.etag).toBe(etagOf(page.html));
    expect(page.headers['x-nmn-keys']).toBe('doc:page-about');
  });

  it('an unmarked page keeps its document and still gets an ETag', () => {
    const page = entry('<html><body><p>Studio</p><script src="/_next/static/chunks/a.js"></script></body></html>');
    preparePageEntry('/studio', page);
    expect(page.html).toContain('/_next/static/chunks/a.js');
    expect(page.headers.etag).toBe(etagOf(page.html));
  });

  it('the same object twice is not worked again (Next hands back the same entry on every hit)', () => {
    const page = entry(MARKED);
    preparePageEntry('/about', page);
    page.headers.etag = '"changed since"';
    preparePageEntry('/about', page);
    expect(page.headers.etag).toBe('"changed since"');
  });
});
