/*
 * The live page's island: new updates while the page is open, without a
 * reload. Plain DOM code, sent inline on a running live blog's first page
 * only (live-island.tsx), so no other page downloads a byte of it: a React
 * client component would ship in every article page's bundle, since all
 * articles share one route. It must stay self-contained (it is sent as its
 * own source text): no imports but types, no outer variables; what it draws
 * comes as an argument (live-island-markup.ts, sent the same way).
 *
 * Polls the blog's cached endpoint every 15 s, only while the tab is visible,
 * doubling the wait (to 5 min) while the endpoint fails. New updates wait
 * behind an "N new updates" button (fixed, so nothing moves under the reader)
 * and are announced in a polite live region; a click shows them above the
 * others and moves focus to the newest (drawn by live-island-markup.ts). An update already on the page that an
 * editor has changed since (its fingerprint, data-version, differs) is redrawn
 * where it stands, and one withdrawn (unpublished or deleted) leaves the page:
 * a reader who keeps the blog open all day does not keep reading a claim the
 * newsroom took back. Both are announced too. The key events list follows the
 * answer when something already moved (a change or a withdrawal) or when the
 * reader shows new updates, never on its own. Without JavaScript the page is
 * complete.
 */

import type { IslandMarkup, IslandUpdate, KeyEvent } from './live-island-markup';

type IslandAnswer = { isLive: boolean; at?: string; ids?: string[]; pinned?: IslandUpdate[]; keyEvents?: KeyEvent[]; updates: IslandUpdate[] };

export function liveIsland(endpoint: string, root: HTMLElement, markup: IslandMarkup): void {
  const status = root.querySelector<HTMLElement>('[data-live-status]');
  const button = root.querySelector<HTMLButtonElement>('[data-live-button]');
  const target = root.querySelector<HTMLElement>('[data-live-new]');
  const blog = root.closest<HTMLElement>('.live-blog');
  if (!status || !button || !target || !blog) return;
  const INTERVAL = 15_000;
  let delay = INTERVAL;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let waiting: IslandUpdate[] = [];
  const seen = new Set<string>();
  // When the newest data shown was read (the page's, then each answer's): see poll().
  let newest = root.dataset.at ?? '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  // An answer in an older shape (a cache from before a deploy) redraws, withdraws and pins nothing.
  const currentShape = (data: IslandAnswer) =>
    Array.isArray(data.ids) && Array.isArray(data.pinned) && data.pinned.every((update) => typeof update?.anchor === 'string');

  /*
   * Brings what the page shows in line with the answer, which lists every public update's id and
   * carries the pinned ones and the newest of the rest: an update shown here that it does not
   * list was withdrawn. A redrawn or removed update does not take the reader's focus with it.
   */
  const reconcile = (data: IslandAnswer) => {
    const known = currentShape(data);
    const pinned = known ? data.pinned! : [];
    const listed = new Set((known ? data.ids! : []).map((id) => `update-${id}`));
    const current = new Map([...pinned, ...data.updates].map((update) => [update.anchor, update]));
    const gone = (anchor: string) => known && !listed.has(anchor);
    let revised = 0;
    const withdrawn = { shown: 0, waiting: 0 };
    const shown = () => Array.from(blog!.querySelectorAll<HTMLElement>('article.live-update'));
    for (const node of shown()) {
      const update = current.get(node.id);
      const focused = node.contains(document.activeElement);
      if (known && update?.version && update.version !== node.dataset.version) {
        const redrawn = markup.update(update);
        node.replaceWith(redrawn);
        if (focused) redrawn.focus({ preventScroll: true });
        revised += 1;
      } else if (gone(node.id)) {
        const all = shown();
        const index = all.indexOf(node);
        const neighbour = all[index + 1] ?? all[index - 1];
        node.remove();
        if (focused && neighbour) {
          neighbour.tabIndex = -1;
          neighbour.focus({ preventScroll: true });
        }
        // Published again later, it comes back as a new update.
        seen.delete(node.id.replace(/^update-/, ''));
        withdrawn.shown += 1;
      }
    }
    const before = waiting.length;
    waiting = waiting.flatMap((update) => {
      if (!gone(update.anchor)) return [current.get(update.anchor) ?? update];
      seen.delete(update._id);
      return [];
    });
    withdrawn.waiting = before - waiting.length;
    return { revised, withdrawn };
  };

  // The key events list as last answered, drawn into the page's (hidden while empty) list when due.
  const keyList = blog.querySelector<HTMLElement>('.live-key-events');
  let keyEvents: KeyEvent[] | undefined;
  const drawKeyEvents = () => {
    const list = keyList?.querySelector('ol');
    if (!keyList || !list || !keyEvents) return;
    // Only events the reader can reach: on this page once shown, or on an older page (paths as the server writes them).
    const listed = keyEvents.filter(({ href }) => {
      const [path, anchor = ''] = href.split('#');
      return path !== root.dataset.path || document.getElementById(anchor) !== null;
    });
    markup.keyEvents(list, listed);
    keyList.hidden = listed.length === 0;
  };

  let polls = 0;
  const schedule = () => {
    clearTimeout(timer);
    // What the island is waiting for, readable by tests and by a curious reader's dev tools.
    root.dataset.polls = String(polls);
    root.dataset.wait = stopped ? 'stopped' : String(delay);
    if (!stopped && document.visibilityState === 'visible') timer = setTimeout(poll, delay);
  };
  const handle = (data: IslandAnswer) => {
    newest = data.at ?? newest;
    const news: string[] = [];
    if (Array.isArray(data.keyEvents)) keyEvents = data.keyEvents;
    const { revised, withdrawn } = reconcile(data);
    if (revised > 0 || withdrawn.shown > 0) drawKeyEvents();
    const offered = [...(currentShape(data) ? data.pinned! : []), ...data.updates];
    const fresh = offered.filter((update) => !seen.has(update._id) && !document.getElementById(update.anchor));
    fresh.forEach((update) => seen.add(update._id));
    if (fresh.length > 0 || withdrawn.waiting > 0) {
      waiting = [...fresh, ...waiting];
      button!.textContent = plural(waiting.length, 'new update');
      button!.hidden = waiting.length === 0;
    }
    if (fresh.length > 0) news.push(plural(waiting.length, 'new update'));
    if (revised > 0) news.push(`${plural(revised, 'update')} changed`);
    if (withdrawn.shown > 0) news.push(`${plural(withdrawn.shown, 'update')} withdrawn`);
    if (!data.isLive) {
      stopped = true;
      news.push('This live blog has ended.');
    }
    if (news.length > 0) status!.textContent = news.join(', ');
  };

  async function poll() {
    last = Date.now();
    polls += 1;
    try {
      const response = await fetch(endpoint, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as IslandAnswer;
      delay = INTERVAL;
      // An answer read before the page (or the last answer) was, from a cache lagging behind, is
      // older news than what is shown: acting on it would undo a correction or hide a new update.
      if (!data.at || data.at >= newest) handle(data);
    } catch {
      delay = Math.min(delay * 2, 300_000);
    }
    schedule();
  }

  button.addEventListener('click', () => {
    const nodes = waiting.map(markup.update);
    target.prepend(...nodes);
    drawKeyEvents();
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
