import { editDocument, snapshotDataset } from '../../tests/helpers/dataset.ts';
import { publishWebhook } from '../../tests/helpers/webhook.ts';
import type { BenchSection } from './context.ts';
import { sleep } from './proc.ts';
import { median, ms } from './table.ts';

/*
 * Publish-to-visible: the dataset changes (as the Content Lake would), Sanity's signed
 * webhook arrives, and we poll the article until a reader sees the new headline.
 * Timed from the webhook request to the first response showing the change.
 */
export async function publishToVisible(options: {
  base: string;
  datasetDir: string;
  id: string;
  slug: string;
  secret: string;
  runs: number;
}): Promise<number[]> {
  // The test harness's own publish: the importer's atomic upsert, then the signed webhook.
  const putBack = snapshotDataset(options.datasetDir);
  const times: number[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const title = `Bench headline ${run} ${Date.now()}`;
      const changed = editDocument(options.datasetDir, options.id, { title });
      const started = performance.now();
      await publishWebhook(options.base, options.secret, changed);
      for (;;) {
        const page = await fetch(`${options.base}/articles/${options.slug}`);
        if (page.status === 200 && (await page.text()).includes(title)) break;
        if (performance.now() - started > 60_000) throw new Error(`"${title}" not visible after 60 s`);
        await sleep(5);
      }
      times.push(performance.now() - started);
    }
  } finally {
    putBack();
  }
  return times;
}

type Publish = { runs: number; medianMs: number; minMs: number; maxMs: number };

export const publishSection: BenchSection<Publish> = {
  key: 'publishToVisible',
  async run(ctx) {
    const next = await ctx.sampleSite();
    console.log('bench: publish-to-visible (20 signed webhooks)');
    const times = await publishToVisible({
      base: next.url,
      datasetDir: ctx.sampleDir,
      id: ctx.article.id,
      slug: ctx.article.path.split('/').at(-1)!,
      secret: ctx.secret,
      runs: 20,
    });
    return { runs: times.length, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
  },
  rows(p) {
    return [
      ['Publish → visible (signed webhook to first fresh response)', `median ${ms(p.medianMs)} ms of ${p.runs} (min ${ms(p.minMs)}, max ${ms(p.maxMs)})`],
    ];
  },
};
