import { openListener } from './lake-listener.ts';
import { sleep } from './proc.ts';

/*
 * An editor's writes as the Studio sends them to the lake (the Actions API, with a transactionId
 * of the client's own): draft edits, timed to their acknowledgement and to the event a list's
 * listener receives for them; and publishes, timed until the site's article page shows the change.
 */

const API_VERSION = '2025-02-19';
const DATASET = 'production';

export type Article = { id: string; path: string; title: string };

async function sendActions(lakeUrl: string, transactionId: string, actions: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${lakeUrl}/v${API_VERSION}/data/actions/${DATASET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transactionId, actions }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the lake answered ${response.status} to ${transactionId}: ${text}`);
}

const edit = (article: Article, title: string) => ({
  actionType: 'sanity.action.document.edit',
  draftId: `drafts.${article.id}`,
  publishedId: article.id,
  patch: { set: { title } },
});

export type EditTimes = { ackMs: number[]; eventMs: number[] };

/**
 * `count` edits of the article's headline in its draft, each sent `pauseMs` after the previous one
 * was acknowledged (a fast typist; the Studio batches keystrokes about as often). A listener on
 * every article, as a document list holds, times each commit's event from the moment it was sent.
 */
export async function timeDraftEdits(lakeUrl: string, article: Article, count: number, pauseMs: number, label: string): Promise<EditTimes> {
  const listener = await openListener(lakeUrl, API_VERSION, DATASET, '*[_type == "article"]');
  const ackMs: number[] = [];
  const events: Promise<number>[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const transactionId = `bench-${label}-edit-${i}-${Date.now()}`;
      const sent = performance.now();
      const arrived = listener.arrival(transactionId);
      // Caught now, awaited below: a late event must not be an unhandled rejection meanwhile.
      arrived.catch(() => undefined);
      events.push(arrived.then((at) => at - sent));
      await sendActions(lakeUrl, transactionId, [edit(article, `${article.title} (edit ${i})`)]);
      ackMs.push(performance.now() - sent);
      await sleep(pauseMs);
    }
    return { ackMs, eventMs: await Promise.all(events) };
  } finally {
    listener.close();
  }
}

/**
 * `runs` publishes of a new headline, each an edit then a publish as the Studio's Publish button
 * sends them; timed from sending the publish until the article page on the site shows the headline
 * (the lake writes the dataset file, sends the signed webhook, the site regenerates the page).
 */
export async function timePublishes(lakeUrl: string, siteUrl: string, article: Article, runs: number, label: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const title = `Lake bench headline ${run} ${Date.now()}`;
    await sendActions(lakeUrl, `bench-${label}-draft-${run}-${Date.now()}`, [edit(article, title)]);
    const started = performance.now();
    await sendActions(lakeUrl, `bench-${label}-publish-${run}-${Date.now()}`, [
      { actionType: 'sanity.action.document.publish', draftId: `drafts.${article.id}`, publishedId: article.id },
    ]);
    for (;;) {
      const page = await fetch(new URL(article.path, siteUrl));
      if (page.status === 200 && (await page.text()).includes(title)) break;
      if (performance.now() - started > 60_000) throw new Error(`"${title}" not on ${article.path} 60 s after the publish`);
      await sleep(10);
    }
    times.push(performance.now() - started);
  }
  return times;
}
