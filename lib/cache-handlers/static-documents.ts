/*
 * Reader pages without the framework's client runtime (docs/decisions/0012-reader-pages-without-the-client-runtime.md).
 *
 * Every reader page is made of server components only: links are plain <a>,
 * the search is a GET form, and the one interactive piece, the live island, is
 * an inline script of our own. Next.js still sends each page its App Router
 * runtime (six scripts, ≈133 kB gzip) and the page's RSC payload inlined for
 * hydration: two thirds of an article's HTML, a second copy of what <main>
 * already says. Neither does anything for a reader here.
 *
 * Layouts whose whole tree is server-only say so by rendering <StaticDocumentMark/>
 * (components/static-document.tsx). When the page cache stores or serves such a
 * page, it drops the framework's scripts, their preloads and the inline payload
 * once per render, and the mark itself. It is all or nothing: if anything the
 * runtime would need is still there afterwards (a format this code does not
 * know), the page is kept whole, which is slower but works, and a warning says
 * so. Pages without the mark (the Studio) are never touched.
 *
 * The stripped document is also made ASCII when it is nearly so (an English
 * page with a few curly quotes): characters beyond it in text and
 * attribute values become numeric references (`’` → `&#x2019;`, which a
 * browser reads back as the same character), so V8 keeps the string one byte
 * per character. A page with a single curly quote is otherwise stored two
 * bytes per character, and Node must measure and transcode every character on
 * every response it sends. Inside <style> a reference would not be decoded:
 * there CSS's own escapes are used (`\203a `). Scripts are left as they are;
 * ours (JSON-LD, the live island) write ASCII already.
 */

/** The `name` of the <meta> a server-only layout renders (React hoists it into <head>). */
export const STATIC_DOCUMENT_META_NAME = 'nmn-static-document';

const MARK = new RegExp(`<meta name="${STATIC_DOCUMENT_META_NAME}"[^>]*>`, 'g');
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const LINK = /<link\b[^>]*>/g;
const FRAMEWORK_ASSET = /\b(?:src|href)="\/_next\/static\//;
// The inline payload and the bundler's bootstrap; React's own inline scripts ($RC…) stay.
const FRAMEWORK_INLINE = /^\s*(?:\(?self\.__next_f\b|\(globalThis\["TURBOPACK"\]|\(self\.webpackChunk)/;

function isFrameworkScript(attributes: string, body: string): boolean {
  return FRAMEWORK_ASSET.test(attributes) || FRAMEWORK_INLINE.test(body);
}

function isScriptPreload(tag: string): boolean {
  return (/\bas="script"/.test(tag) || /\brel="modulepreload"/.test(tag)) && FRAMEWORK_ASSET.test(tag);
}

export type StaticDocumentResult = { kind: 'unmarked' } | { kind: 'stripped'; html: string } | { kind: 'kept'; html: string; reason: string };

/** The document without the framework's scripts, when a server-only layout marked it. */
export function stripStaticDocument(html: string): StaticDocumentResult {
  if (!html.includes(`name="${STATIC_DOCUMENT_META_NAME}"`)) return { kind: 'unmarked' };
  const stripped = html
    .replace(SCRIPT, (script, attributes: string, body: string) => (isFrameworkScript(attributes, body) ? '' : script))
    .replace(LINK, (tag) => (isScriptPreload(tag) ? '' : tag))
    .replace(MARK, '');
  const leftover = [...stripped.matchAll(SCRIPT)].find(([, attributes, body]) => /__next_f|\/_next\/static\//.test(`${attributes} ${body}`));
  if (leftover) return { kind: 'kept', html, reason: `a framework script this code does not recognise: ${leftover[0].slice(0, 120)}` };
  return { kind: 'stripped', html: asciiDocument(stripped) };
}

// Raw text: a character reference inside these would not be decoded.
const RAW_TEXT = /(<(script|style)\b[^>]*>[\s\S]*?<\/\2>)/;
const BEYOND_ASCII = /[^\x00-\x7f]/gu;
const hex = (character: string) => character.codePointAt(0)!.toString(16);
// `&#x2019;` in place of a 3-byte character; the document may grow by 2 % at most.
const REFERENCE_BYTES = 6;
const MAX_GROWTH = 0.02;

/**
 * The document with every character beyond ASCII written as a numeric
 * reference (as a CSS escape inside <style>; scripts untouched); when nothing
 * beyond ASCII is left, copied into a one-byte string (a string cut out of a
 * two-byte one stays two-byte in V8 even when all that is left is ASCII).
 * Unchanged when the references would grow it by more than 2 %.
 */
export function asciiDocument(html: string): string {
  // A page in another script (a Russian article) would grow by a third or more: left in UTF-8.
  const beyond = html.match(BEYOND_ASCII)?.length ?? 0;
  if (beyond * REFERENCE_BYTES > html.length * MAX_GROWTH) return html;
  const ascii = html
    .split(RAW_TEXT)
    .map((part, index) => {
      // split() with two groups: text, whole raw element, its tag name, text, …
      if (index % 3 === 2) return '';
      if (index % 3 === 0) return part.replace(BEYOND_ASCII, (character) => `&#x${hex(character)};`);
      // CSS has escapes of its own (`\203a `, the space ends it); a script is left as it is.
      return part.startsWith('<style') ? part.replace(BEYOND_ASCII, (character) => `\\${hex(character)} `) : part;
    })
    .join('');
  return /[^\x00-\x7f]/.test(ascii) ? ascii : Buffer.from(ascii, 'latin1').toString('latin1');
}
