import { defineQuery } from 'groq';
import { z } from 'zod';
import { isPublicArticle } from './fragments.ts';
import { contentSource } from './sources/index.ts';

/*
 * /api/health: can content be read right now? Deliberately uncached (a load
 * balancer asks the source itself), so there is no "use cache" getter here.
 */

export const healthQuery = defineQuery(`{"articles": count(*[${isPublicArticle}])}`);

/** Asks the content source for a count: ok with the count and how long it took, or not ok. */
export async function checkHealth() {
  const source = contentSource();
  const started = performance.now();
  try {
    const raw = await source.query<unknown>(healthQuery, {}, 'published');
    // Pages get the last good results while the source fails (stale-if-error.ts); health must not.
    if (source.describe().servingLastGoodSince) throw new Error('the source fails; pages show its last good results');
    const { articles } = z.object({ articles: z.number() }).parse(raw);
    return { ok: true, source: source.describe(), articles, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // The detail goes to the log; the public answer says only that content is unreachable.
    console.error(`[health] content source failed: ${(error as Error).message}`);
    return { ok: false, source: source.describe(), error: 'content source unavailable' };
  }
}
