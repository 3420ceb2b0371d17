import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/* Client JavaScript a page makes a browser download: its <script src> chunks (module scripts only). */

export type JsSize = { scripts: number; bytes: number; gzipBytes: number };

export async function pageJavaScript(base: string, pagePath: string): Promise<JsSize> {
  const html = await (await fetch(new URL(pagePath, base))).text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    if (/\bnomodule\b/i.test(attributes)) continue; // legacy polyfills: modern browsers skip them
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) sources.add(src.replaceAll('&amp;', '&'));
  }
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { scripts: sources.size, bytes, gzipBytes };
}

/** A bare App Router app (one layout, one page of text) in `dir`, using the project's own `next`. */
export function writeBareApp(root: string, dir: string): void {
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  try {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } catch {
    // already linked by an earlier run
  }
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-next', private: true, type: 'module' }));
  writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {};\n');
  writeFileSync(path.join(dir, 'app/layout.js'), 'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
  writeFileSync(path.join(dir, 'app/page.js'), 'export default function Page() { return <p>Hello</p>; }\n');
}

/* What a page's HTML carries: all of it, the part a reader reads, the stylesheet, the framework's inline payload. */

export type HtmlWeight = { bytes: number; gzipBytes: number; mainBytes: number; cssBytes: number; payloadBytes: number };

export async function pageWeight(base: string, pagePath: string): Promise<HtmlWeight> {
  const html = Buffer.from(await (await fetch(new URL(pagePath, base))).arrayBuffer());
  const text = html.toString('utf8');
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, match) => total + Buffer.byteLength(match[0]), 0);
  return {
    bytes: html.length,
    gzipBytes: gzipSync(html).length,
    mainBytes: sum(/<main[\s\S]*<\/main>/g),
    cssBytes: sum(/<style[^>]*>[\s\S]*?<\/style>/g),
    payloadBytes: sum(/<script>[^<]*self\.__next_f[\s\S]*?<\/script>/g),
  };
}
