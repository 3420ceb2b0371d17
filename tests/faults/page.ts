import { eventually } from '../helpers/eventually.ts';
import { fetchPage, type Answer } from '../helpers/page.ts';

/* What a reader of a fault-test site gets while its content source is broken. */

/** Seconds: the content revalidate interval the fault sites run with (CONTENT_REVALIDATE_SECONDS). */
export const REVALIDATE_SECONDS = 3;

/**
 * Reads `url` until Next has served it stale `times` times (each such read is past the revalidate
 * interval and starts a regeneration on the broken source) and `alsoUntil` holds; returns every
 * answer read on the way, for the caller to check that each was the last good page.
 */
export async function readsUntilStale(
  url: string,
  { times = 3, alsoUntil = () => true }: { times?: number; alsoUntil?: () => boolean } = {},
): Promise<Answer[]> {
  const answers: Answer[] = [];
  await eventually(
    async () => {
      answers.push(await fetchPage(url));
      const stale = answers.filter((answer) => answer.cache === 'STALE').length;
      const last = answers.at(-1)!;
      if (stale < times || !alsoUntil()) {
        throw new Error(`${stale} of ${times} reads served stale; last: ${last.status} "${last.headline}" (x-nextjs-cache ${last.cache})`);
      }
    },
    { what: `${url} served stale ${times} times`, timeout: 45_000, interval: 250 },
  );
  return answers;
}
