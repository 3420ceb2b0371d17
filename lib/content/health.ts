import { z } from 'zod';
import { healthQuery } from './queries.ts';
import { contentSource } from './sources/index.ts';

/** Asks the content source for a count, uncached: is content reachable right now? */
export async function checkHealth() {
  const source = contentSource();
  const started = performance.now();
  try {
    const raw = await source.query<unknown>(healthQuery, {}, 'published');
    const { articles } = z.object({ articles: z.number() }).parse(raw);
    return { ok: true, source: source.describe(), articles, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // The detail goes to the log; the public answer says only that content is unreachable.
    console.error(`[health] content source failed: ${(error as Error).message}`);
    return { ok: false, source: source.describe(), error: 'content source unavailable' };
  }
}
