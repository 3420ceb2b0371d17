import { createClient, type ClientConfig, type SanityClient } from '@sanity/client';

/*
 * Over HTTP/1.1 a browser opens at most six connections to one host, and the Studio holds an
 * event stream open for each listener: the releases store, the global preview listener, each
 * list pane, each open document's pair and version set, the canvas banner. Six of those to
 * `no-project.localhost:<port>` and every other request of the Studio waits forever. Against
 * the local Content Lake, each listener therefore connects to a host of its own among a few
 * loopback names (`l0.localhost` … `l7.localhost`, which browsers resolve to this machine like
 * `localhost` itself), and ordinary requests keep their host to themselves. Sanity's own API is
 * served over HTTP/2, where none of this arises: with a project id this is never used.
 */
export const LISTENER_HOSTS = 8;

/** What is patched: the two methods every client and its observable twin have. */
type Listening = { listen: (...args: unknown[]) => unknown; withConfig: (config?: Partial<ClientConfig>) => Listening; observable?: Listening };

export function withListenerHosts(lakeUrl: string): (options: ClientConfig) => SanityClient {
  const lake = new URL(lakeUrl);
  let next = 0;
  const listenerHost = () => `${lake.protocol}//l${next++ % LISTENER_HOSTS}.${lake.hostname}${lake.port ? `:${lake.port}` : ''}`;

  // A clone (withConfig) is spread too: the Studio makes one per API version it talks.
  function spread(client: Listening): Listening {
    const withConfig = client.withConfig.bind(client);
    client.withConfig = (config) => spread(withConfig(config));
    client.listen = (...args) => withConfig({ apiHost: listenerHost() }).listen(...args);
    if (client.observable) spread(client.observable);
    return client;
  }

  return (options) => spread(createClient(options) as unknown as Listening) as unknown as SanityClient;
}
