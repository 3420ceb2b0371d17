import { eventually } from './eventually.ts';

/*
 * What a reader gets for a URL, read over HTTP without a browser: the status, the headline (the
 * page's `<h1>` as text, entities decoded), a redirect's target and the cache headers. The fault,
 * scale and edge suites compare these; `pageShows` polls until a change reaches the reader.
 */

export type Answer = {
  status: number;
  headline: string | undefined;
  location: string | null;
  /** Next's own cache state for the page (`HIT`, `STALE`, `MISS`), when it says. */
  cache: string | null;
  headers: Headers;
  /** Milliseconds until the whole answer arrived. */
  ms: number;
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character references as a browser reads them: named (the ones React writes) and numeric (the page cache writes `&#x2019;`). */
export function decodedText(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal) return String.fromCodePoint(parseInt(decimal, 10));
    return NAMED[name!.toLowerCase()] ?? entity;
  });
}

/** The first `<h1>`'s text as a reader sees it. */
export function headlineOf(html: string): string | undefined {
  const inner = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  return inner === undefined ? undefined : decodedText(inner.replace(/<[^>]+>/g, '')).trim();
}

/** One request, redirects not followed (a redirect is part of what the reader is told). */
export async function fetchPage(url: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  return {
    status: response.status,
    headline: headlineOf(html),
    location: response.headers.get('location'),
    cache: response.headers.get('x-nextjs-cache'),
    headers: response.headers,
    ms: Date.now() - started,
  };
}

export type Expected = { status?: number; headline?: string; location?: RegExp };

/** The differences between an answer and what is expected, as one line (empty when it matches). */
function mismatch(answer: Answer, expected: Expected): string {
  const wrong: string[] = [];
  if (expected.status !== undefined && answer.status !== expected.status) wrong.push(`status ${answer.status}, not ${expected.status}`);
  if (expected.headline !== undefined && answer.headline !== expected.headline)
    wrong.push(`headline ${JSON.stringify(answer.headline ?? null)}, not ${JSON.stringify(expected.headline)}`);
  if (expected.location && !expected.location.test(answer.location ?? '')) wrong.push(`location ${answer.location ?? '(none)'}, not ${expected.location}`);
  return wrong.join('; ');
}

/** Polls `url` until its answer matches `expected`; returns that answer. */
export function pageShows(url: string, expected: Expected, timeout = 15_000): Promise<Answer> {
  return eventually(
    async () => {
      const answer = await fetchPage(url);
      const wrong = mismatch(answer, expected);
      if (wrong) throw new Error(wrong);
      return answer;
    },
    { what: `${url} to show ${JSON.stringify({ ...expected, location: expected.location?.source })}`, timeout, interval: 100 },
  );
}
