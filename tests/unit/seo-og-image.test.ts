import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadArticle } from '@/lib/content/article';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { articleOgImage } from '@/lib/og/article-image';
import { isMostlyPrintable, printable } from '@/lib/og/printable';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const RUSSIAN = 'v-verkhneozerske-otkryli-novyy-most-cherez-reku-sarnu';

const realFetch = globalThis.fetch;

/** Records every network request; next/og loads its own wasm through data: URLs, which stay local. */
function forbidNetwork() {
  const requested: string[] = [];
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('data:')) return realFetch(input, init);
    requested.push(url);
    return Promise.reject(new Error(`no network: ${url}`));
  });
  return requested;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the Open Graph card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws the Russian sample article at 1200×630 from bundled fonts, with no network', async () => {
    const requested = forbidNetwork();
    const { value: article } = await loadArticle(
      createEmbeddedSource(SAMPLE, () => {}),
      RUSSIAN,
    );
    expect(article?.title).toBe('В Верхнеозёрске открыли новый мост через реку Сарну');
    expect(printable(article?.title ?? '')).toBe(article?.title);
    const response = await articleOgImage({ title: article?.title ?? '', tag: article?.tags[0]?.title });
    const png = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...png.slice(1, 4)].map((code) => String.fromCharCode(code)).join('')).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(requested).toEqual([]);
  }, 30_000);

  it('leaves out what the fonts cannot draw instead of fetching fonts or emoji', async () => {
    const requested = forbidNetwork();
    expect(isMostlyPrintable('عنوان باللغة العربية مع أرقام 123')).toBe(false);
    expect(printable('🚀 Emoji headline 👩🏽‍🚀 with ZWJ 🏳️‍🌈')).toBe('Emoji headline with ZWJ');
    for (const title of ['عنوان باللغة العربية مع أرقام 123', '🚀 Emoji headline 👩🏽‍🚀 with ZWJ 🏳️‍🌈', '中文标题']) {
      const response = await articleOgImage({ title, tag: 'World' });
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    }
    expect(requested).toEqual([]);
  }, 30_000);
});
