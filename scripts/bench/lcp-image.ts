import { chromium } from '@playwright/test';

/*
 * The image a phone reader waits for: home on a 375-px screen at twice the density, the
 * Largest Contentful Paint entry's URL, and the bytes and type the server sent for it (or the
 * page carried, for a picture inside the page: its width is then the file's, at density 1).
 */
export type LcpImage = { url: string; bytes: number; contentType: string; width: number };

export async function lcpImage(pageUrl: string, executablePath: string): Promise<LcpImage> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const responses = new Map<string, { bytes: number; contentType: string }>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'image') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      responses.set(response.url(), { bytes: body.length, contentType: response.headers()['content-type'] ?? '' });
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const lcp = await page.evaluate(
      () =>
        new Promise<{ url: string; width: number }>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().at(-1) as (PerformanceEntry & { url: string; element: Element | null }) | undefined;
            const image = entry?.element instanceof HTMLImageElement ? entry.element : null;
            // An image's blur placeholder (a data: URL) may paint first and be the entry's url: the file is currentSrc.
            resolve({ url: image?.currentSrc || entry?.url || '', width: image?.naturalWidth ?? 0 });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    // A small lead picture comes inside the page (lib/images/inline-image.ts): its bytes are the data: URL's.
    const inline = /^data:([^;,]+);base64,(.*)$/.exec(lcp.url);
    if (inline) return { url: 'inside the page (data: URL)', bytes: Buffer.from(inline[2]!, 'base64').length, contentType: inline[1]!, width: lcp.width };
    const response = responses.get(lcp.url);
    if (!lcp.url || !response) throw new Error(`the largest paint on ${pageUrl} is not an image (${lcp.url || 'text'})`);
    // naturalWidth is in CSS pixels (the srcset width over the density): the file is twice as wide.
    return { url: new URL(lcp.url).pathname + new URL(lcp.url).search, ...response, width: lcp.width * 2 };
  } finally {
    await browser.close();
  }
}
