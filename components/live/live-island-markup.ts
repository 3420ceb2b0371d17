/*
 * The markup the live island draws: an update as components/live/live-update.tsx renders it
 * and the key events list as components/live/live-blog.tsx does (tests/unit/live-island-parity.test.ts
 * renders both ways and fails when a reader would see a difference). Sent
 * with the island as its own source text (live-island.tsx), so it must stay self-contained:
 * no imports but types, no outer variables.
 */

export type IslandUpdate = {
  _id: string;
  anchor: string;
  href: string;
  title: string | null;
  publishedAt: string;
  timeLabel: string;
  keyEvent: boolean;
  pinned: boolean;
  authors: { name: string; path: string }[];
  bodyHtml: string;
  version: string;
};

export type KeyEvent = { href: string; label: string; publishedAt: string; timeLabel: string };

export type IslandMarkup = {
  update: (update: IslandUpdate) => HTMLElement;
  /** Redraws the list's items when they differ from these events. */
  keyEvents: (list: HTMLElement, events: KeyEvent[]) => void;
};

export function islandMarkup(): IslandMarkup {
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
  const time = (iso: string, label: string) => {
    const node = element('time', '', label);
    node.setAttribute('datetime', iso);
    return node;
  };

  const update = (update: IslandUpdate): HTMLElement => {
    const article = element('article', 'live-update');
    article.id = update.anchor;
    article.tabIndex = -1;
    article.dataset.version = update.version;
    if (update.pinned) article.dataset.pinned = 'true';
    const header = element('header', 'live-update-header');
    const permalink = link(`#${update.anchor}`, 'live-update-time', '');
    permalink.append(time(update.publishedAt, update.timeLabel));
    header.append(permalink);
    if (update.pinned) header.append(element('span', 'live-flag', 'Pinned'));
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

  const keyEvents = (list: HTMLElement, events: KeyEvent[]) => {
    const drawn = Array.from(list.querySelectorAll('a'), (a) => `${a.getAttribute('href')} ${a.textContent}`);
    const wanted = events.map((event) => `${event.href} ${event.timeLabel} ${event.label}`);
    if (drawn.join('\n') === wanted.join('\n')) return;
    list.replaceChildren(
      ...events.map((event) => {
        const item = element('li', '');
        const a = link(event.href, '', '');
        a.append(time(event.publishedAt, event.timeLabel), ` ${event.label}`);
        item.append(a);
        return item;
      }),
    );
  };

  return { update, keyEvents };
}
