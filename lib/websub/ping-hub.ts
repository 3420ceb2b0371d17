import type { ResolvedChange } from '../revalidate/change.ts';
import { feedPathsForChange } from './feeds-for-change.ts';

/*
 * WebSub publish pings (https://www.w3.org/TR/websub/): after a publish the
 * hub is told which feeds changed (`hub.mode=publish`, `hub.url=<feed>`, the
 * form most hubs take, Google's and Superfeedr's included), then fetches them
 * and pushes them to subscribers. One request per feed, all at once, each with
 * a short timeout; failures are logged, never thrown: a late ping costs
 * subscribers freshness, not the publish.
 */

export type PingOptions = {
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
};

/** The feeds the hub accepted; the others were logged. */
export async function pingHub(hubUrl: string, feedUrls: readonly string[], options: PingOptions = {}): Promise<string[]> {
  const send = options.fetch ?? fetch;
  const log = options.log ?? ((message: string) => console.warn(message));
  const timeout = options.timeoutMs ?? 3000;
  const results = await Promise.all(
    feedUrls.map(async (feedUrl) => {
      try {
        const response = await send(hubUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString(),
          signal: AbortSignal.timeout(timeout),
        });
        await response.body?.cancel();
        if (response.ok) return feedUrl;
        log(`[websub] the hub ${hubUrl} refused the ping for ${feedUrl} (${response.status})`);
      } catch (error) {
        log(`[websub] pinging ${hubUrl} for ${feedUrl} failed (${(error as Error).name}: ${(error as Error).message})`);
      }
      return undefined;
    }),
  );
  return results.filter((url): url is string => url !== undefined);
}

/** Pings `hubUrl` (when one is configured) for every feed of `siteUrl` that `change` touches. */
export async function notifyHubOfChange(hubUrl: string | undefined, siteUrl: string, change: ResolvedChange, options: PingOptions = {}): Promise<string[]> {
  if (!hubUrl) return [];
  const feeds = feedPathsForChange(change).map((feedPath) => new URL(feedPath, siteUrl).href);
  return feeds.length > 0 ? pingHub(hubUrl, feeds, options) : [];
}
