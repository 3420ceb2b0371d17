/*
 * The live page's island: new updates while the page is open, without a
 * reload. Plain DOM code, sent inline on a running live blog's first page
 * only (live-island.tsx), so no other page downloads a byte of it: a React
 * client component would ship in every article page's bundle, since all
 * articles share one route. It must stay self-contained (it is sent as its
 * own source text): no imports, no outer variables.
 *
 * Polls the blog's cached endpoint every 15 s, only while the tab is visible,
 * doubling the wait (to 5 min) while the endpoint fails. New updates wait
 * behind an "N new updates" button (fixed, so nothing moves under the reader)
 * and are announced in a polite live region; a click shows them above the
 * others and moves focus to the newest. Without JavaScript the page is complete.
 */

type IslandUpdate = {
  _id: string;
  anchor: string;
  href: string;
  title: string | null;
  publishedAt: string;
  timeLabel: string;
  keyEvent: boolean;
  authors: { name: string; path: string }[];
  bodyHtml: string;
};

export function liveIsland(endpoint: string, root: HTMLElement): void {
  const status = root.querySelector<HTMLElement>('[data-live-status]');
  const button = root.querySelector<HTMLButtonElement>('[data-live-button]');
  const target = root.querySelector<HTMLElement>('[data-live-new]');
  if (!status || !button || !target) return;
  const INTERVAL = 15_000;
  let delay = INTERVAL;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let waiting: IslandUpdate[] = [];
  const seen = new Set<string>();
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  const element = (tag: string, className: string, text?: string): HTMLElement => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const link = (href: string, className: string, text: string): HTMLAnchorElement => {
    const node = element('a', className, text) as HTMLAnchorElement;
    node.href = href;
    return node;
  };
  // The same markup as components/live/live-update.tsx.
  const render = (update: IslandUpdate): HTMLElement => {
    const article = element('article', 'live-update');
    article.id = update.anchor;
    article.tabIndex = -1;
    const header = element('header', 'live-update-header');
    const time = element('time', '', update.timeLabel);
    time.setAttribute('datetime', update.publishedAt);
    header.append(link(`#${update.anchor}`, 'live-update-time', ''));
    header.firstElementChild!.append(time);
    if (update.keyEvent) header.append(element('span', 'live-flag', 'Key event'));
    if (update.title) header.append(element('h3', 'live-update-title', update.title));
    const body = element('div', 'live-update-body');
    // Rendered and vetted on the server (lib/feeds/body-html.ts), as on the page.
    body.innerHTML = update.bodyHtml;
    const footer = element('footer', 'live-update-footer');
    if (update.authors.length > 0) {
      const byline = element('p', 'byline', 'By ');
      update.authors.forEach((author, index) => {
        if (index > 0) byline.append(', ');
        const a = link(author.path, '', author.name);
        a.rel = 'author';
        byline.append(a);
      });
      footer.append(byline);
    }
    footer.append(link(update.href, 'live-update-link', 'Link to this update'));
    article.append(header, body, footer);
    return article;
  };

  let polls = 0;
  const schedule = () => {
    clearTimeout(timer);
    // What the island is waiting for, readable by tests and by a curious reader's dev tools.
    root.dataset.polls = String(polls);
    root.dataset.wait = stopped ? 'stopped' : String(delay);
    if (!stopped && document.visibilityState === 'visible') timer = setTimeout(poll, delay);
  };
  async function poll() {
    last = Date.now();
    polls += 1;
    try {
      const response = await fetch(endpoint, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as { isLive: boolean; updates: IslandUpdate[] };
      delay = INTERVAL;
      const fresh = data.updates.filter((update) => !seen.has(update._id) && !document.getElementById(update.anchor));
      fresh.forEach((update) => seen.add(update._id));
      if (fresh.length > 0) {
        waiting = [...fresh, ...waiting];
        button!.textContent = plural(waiting.length, 'new update');
        button!.hidden = false;
        status!.textContent = plural(waiting.length, 'new update');
      }
      if (!data.isLive) {
        stopped = true;
        status!.textContent = 'This live blog has ended.';
      }
    } catch {
      delay = Math.min(delay * 2, 300_000);
    }
    schedule();
  }

  button.addEventListener('click', () => {
    const nodes = waiting.map(render);
    target.prepend(...nodes);
    status.textContent = `${plural(nodes.length, 'update')} added above.`;
    waiting = [];
    button.hidden = true;
    nodes[0]?.focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return clearTimeout(timer);
    if (Date.now() - last >= delay) void poll();
    else schedule();
  });
  schedule();
}
