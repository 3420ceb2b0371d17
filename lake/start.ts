import type { AddressInfo } from 'node:net';
import { isPublishedId } from '../lib/content/perspective.ts';
import type { LakeConfig } from './config.ts';
import { createListenerHub } from './listener.ts';
import { createLakeServer } from './server.ts';
import { openStore, type Store } from './store.ts';
import type { LakeDocument, Transaction } from './types.ts';
import { createWebhookSender } from './webhook.ts';

export type RunningLake = {
  url: string;
  port: number;
  datasetFile: string;
  store: Store;
  unknownRoutes: string[];
  /** Resolves when every webhook delivery queued so far is done. */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
};

/** Opens the dataset, then listens; every commit goes to the listeners and, when public, the webhook. */
export async function startLake(config: LakeConfig, log: (line: string) => void = (line) => console.log(line)): Promise<RunningLake> {
  const listenUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const store = openStore({
    datasetPath: config.datasetPath,
    imageUrlBase: `${config.publicUrl}/images/${config.projectId}/${config.dataset}`,
    fileUrlBase: `${config.publicUrl}/files/${config.projectId}/${config.dataset}`,
    url: listenUrl,
    log,
  });
  const hub = createListenerHub(log);
  if (!config.webhookSecret && config.webhookUrls.length > 0)
    log('[lake] SANITY_REVALIDATE_SECRET is not set: publishes are not sent to the site (npm start sets one up)');
  const webhook = createWebhookSender({
    urls: config.webhookSecret ? config.webhookUrls : [],
    secret: config.webhookSecret,
    log,
    projectId: config.projectId,
    dataset: config.dataset,
  });
  // Listeners hear of a commit at once; the site only once the dataset file it reads holds it.
  store.onCommit((tx) => void hub.publish(tx));
  store.onWritten((txs) => {
    const published = txs.filter((tx) => tx.changes.some((change) => isPublishedId(change.id)));
    if (published.length === 0) return;
    const after = store.documents();
    for (const tx of published) webhook.send(tx, after, datasetBefore(after, tx));
  });
  // A recovered translog tail is in the dataset file before anyone can read it.
  await store.flush();
  const server = createLakeServer({
    store,
    hub,
    projectId: config.projectId,
    dataset: config.dataset,
    publicUrl: config.publicUrl,
    open: config.open,
    token: config.token,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      void store.close();
      reject(new Error(`cannot listen on ${listenUrl}: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    });
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = listenUrl.replace(/:\d+$/, `:${port}`);
  // The lock was claimed before listening (so a second lake refuses early); on port 0 it said :0.
  store.listening(url);
  return {
    url,
    port,
    datasetFile: store.files.file,
    store,
    unknownRoutes: server.unknownRoutes,
    webhooksIdle: () => webhook.idle(),
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.closeAllConnections();
        server.close(() => {
          store.close().then(resolve, resolve);
        });
      }),
  };
}

function datasetBefore(after: LakeDocument[], tx: Transaction): LakeDocument[] {
  const changed = new Map(tx.changes.map((change) => [change.id, change.before]));
  const out = after.filter((doc) => !changed.has(doc._id));
  for (const before of changed.values()) if (before) out.push(before);
  return out;
}
