import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { RawDocument } from '../helpers/dataset.ts';

/* What a reader gets for a URL, and polling until they get what a change promises. */

export type Answer = { status: number; headline?: string; location?: string | null; headers: Headers };

export async function get(url: string): Promise<Answer> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  const html = await response.text();
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  const headline = h1?.replace(/<[^>]+>/g, '').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&').trim();
  return { status: response.status, headline, location: response.headers.get('location'), headers: response.headers };
}

/** Polls `url` until `check` passes (Playwright's expect.poll: a failure shows the last answer). */
export async function eventually(url: string, check: (answer: Answer) => boolean, timeout = 15_000): Promise<Answer> {
  let last: Answer | undefined;
  await expect
    .poll(
      async () => {
        last = await get(url);
        return check(last) ? 'ok' : `status ${last.status}, headline ${last.headline ?? '(none)'}, location ${last.location ?? '(none)'}`;
      },
      { timeout, intervals: [50, 100, 200] },
    )
    .toBe('ok');
  return last!;
}

/** One published document of the dataset copy, to edit and publish again. */
export function documentOf(dataset: string, id: string): RawDocument {
  const line = readFileSync(path.join(dataset, 'data.ndjson'), 'utf8')
    .split('\n')
    .find((entry) => entry.includes(`"_id":"${id}"`));
  if (!line) throw new Error(`${id} is not in ${dataset}`);
  return JSON.parse(line) as RawDocument;
}
