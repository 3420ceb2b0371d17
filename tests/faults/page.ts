/* What a reader of a fault-test site gets: a page's status and headline, and waiting for a change. */

/** Seconds: the content revalidate interval the fault sites run with (CONTENT_REVALIDATE_SECONDS). */
export const REVALIDATE_SECONDS = 3;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's `<h1>` text as a reader sees it (entities decoded), and its status. */
export async function headline(url: string): Promise<{ status: number; h1: string | undefined; cache: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const h1 = match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
  return { status: response.status, h1, cache: response.headers.get('x-nextjs-cache') };
}

/** Polls until `url` answers 200 with `expected` as its headline; returns how long it took. */
export async function waitForHeadline(url: string, expected: string, timeoutMs = 45_000): Promise<number> {
  const started = Date.now();
  let last: Awaited<ReturnType<typeof headline>> | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await headline(url);
    if (last.status === 200 && last.h1 === expected) return Date.now() - started;
    await sleep(500);
  }
  throw new Error(`${url} did not show "${expected}" within ${timeoutMs} ms; last answer ${last?.status} "${last?.h1}"`);
}
