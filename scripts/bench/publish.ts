import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { sleep } from './proc.ts';

/*
 * Publish-to-visible: the dataset changes (as the Content Lake would), Sanity's signed
 * webhook arrives, and we poll the article until a reader sees the new headline.
 * Timed from the webhook request to the first response showing the change.
 */
export async function publishToVisible(options: { base: string; datasetFile: string; id: string; slug: string; secret: string; runs: number }): Promise<number[]> {
  const original = readFileSync(options.datasetFile, 'utf8');
  const times: number[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const title = `Bench headline ${run} ${Date.now()}`;
      let changed: Record<string, unknown> | undefined;
      const lines = original.split('\n').map((line) => {
        if (!line.includes(`"_id":"${options.id}"`)) return line;
        changed = { ...JSON.parse(line), title };
        return JSON.stringify(changed);
      });
      if (!changed) throw new Error(`${options.id} is not in ${options.datasetFile}`);
      writeFileSync(`${options.datasetFile}.tmp`, lines.join('\n'));
      renameSync(`${options.datasetFile}.tmp`, options.datasetFile);

      const body = JSON.stringify(changed);
      const started = performance.now();
      const response = await fetch(`${options.base}/api/revalidate`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'sanity-webhook-signature': await signWebhookBody(body, options.secret) },
      });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
      for (;;) {
        const page = await fetch(`${options.base}/articles/${options.slug}`);
        if (page.status === 200 && (await page.text()).includes(title)) break;
        if (performance.now() - started > 60_000) throw new Error(`"${title}" not visible after 60 s`);
        await sleep(5);
      }
      times.push(performance.now() - started);
    }
  } finally {
    writeFileSync(options.datasetFile, original);
  }
  return times;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
