// @vitest-environment jsdom
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LiveBlog } from '@/components/live/live-blog';
import { islandMarkup } from '@/components/live/live-island-markup';
import { LiveUpdate } from '@/components/live/live-update';
import { islandUpdate, type LiveBlogPage, type LiveUpdateView, loadLiveBlog } from '@/lib/content/live';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';

/*
 * The live island draws an update that arrives while the page is open with DOM code of its own
 * (components/live/live-island-markup.ts: it must stay self-contained, so it cannot share the React
 * component). This holds the two to one structure: the same update, rendered by <LiveUpdate> and
 * drawn by the island from what the update endpoint sends, must give a reader the same elements
 * (and so roles), classes, headings, text, links and times. The key events list likewise.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const ORIGIN = 'https://news.example';

const blog = (
  await loadLiveBlog(
    createEmbeddedSource(SAMPLE, () => {}),
    'storm-kestrel-live',
    1,
    ORIGIN,
  )
).value!;

/**
 * What a reader's browser builds from a node: each element with its attributes (sorted), text with
 * adjacent pieces merged. Left out: `tabindex` (the island makes an update it draws focusable so it
 * can move focus there; focus, not structure) and attribute-less spans (React's wrappers for keyed
 * lists, which neither add a role nor change the text).
 */
function outline(node: Node): unknown[] {
  const parts: unknown[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === child.TEXT_NODE) {
      const last = parts.at(-1);
      if (typeof last === 'string') parts[parts.length - 1] = last + child.textContent;
      else parts.push(child.textContent ?? '');
    } else if (child instanceof Element) {
      const attributes = child
        .getAttributeNames()
        .filter((name) => name !== 'tabindex')
        .sort();
      const inner = outline(child);
      if (child.tagName === 'SPAN' && attributes.length === 0) {
        for (const part of inner) {
          const last = parts.at(-1);
          if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
          else parts.push(part);
        }
      } else {
        parts.push({ [child.tagName.toLowerCase()]: Object.fromEntries(attributes.map((name) => [name, child.getAttribute(name)])), children: inner });
      }
    }
  }
  return parts;
}

function fromMarkup(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

/** The update as the page renders it, and as the island draws it from the endpoint's JSON. */
function both(update: LiveUpdateView) {
  const page = fromMarkup(renderToStaticMarkup(createElement(LiveUpdate, { update })));
  const sent = JSON.parse(JSON.stringify(islandUpdate(update))) as ReturnType<typeof islandUpdate>;
  const island = document.createElement('div');
  island.append(islandMarkup().update(sent));
  return { page: outline(page), island: outline(island) };
}

const first = blog.updates[0]!;
const author = (name: string) => ({ name, path: `/authors/${name.toLowerCase()}` });

describe('the island draws an update as <LiveUpdate> renders it', () => {
  it.each<[string, Partial<LiveUpdateView>]>([
    ['a plain update with a title and one author', { title: 'Levees hold', pinned: false, keyEvent: false, authors: [author('Ada')] }],
    ['an untitled update with no byline', { title: undefined, pinned: false, keyEvent: false, authors: [] }],
    ['a pinned key event with two authors', { title: 'Evacuation order', pinned: true, keyEvent: true, authors: [author('Ada'), author('Bo')] }],
  ])('%s', (_name, change) => {
    const { page, island } = both({ ...first, ...change });
    expect(island).toEqual(page);
    // Not two empty outlines agreeing: the page's time link, body and permalink are there.
    expect(JSON.stringify(page)).toContain(first.timeLabel);
    expect(JSON.stringify(page)).toContain('Link to this update');
  });

  it('a real update of the sample, body and all', () => {
    const pinned = blog.pinned[0]!;
    const { page, island } = both(pinned);
    expect(island).toEqual(page);
    expect(JSON.stringify(page)).toContain('"data-pinned":"true"');
  });

  it('the comparison sees a difference: an update drawn without its title', () => {
    const { page } = both({ ...first, title: 'Levees hold' });
    const { island } = both({ ...first, title: undefined });
    expect(island).not.toEqual(page);
  });
});

describe('the island draws the key events as <LiveBlog> lists them', () => {
  it('the same links, times and labels, in the same order', () => {
    // As the cache holds it (getLiveBlog): page paths instead of the path function.
    const { pagePath, ...rest } = blog;
    const page: LiveBlogPage = { ...rest, pagePaths: [pagePath(1)] };
    const rendered = fromMarkup(renderToStaticMarkup(createElement(LiveBlog, { blog: page, endpoint: '/updates.json' })));
    const list = rendered.querySelector('.live-key-events ol')!;
    expect(list.querySelectorAll('li').length).toBe(blog.keyEvents.length);
    expect(blog.keyEvents.length).toBeGreaterThan(1);
    const drawn = document.createElement('ol');
    const sent = JSON.parse(JSON.stringify(blog.keyEvents.map(({ href, label, publishedAt, timeLabel }) => ({ href, label, publishedAt, timeLabel }))));
    islandMarkup().keyEvents(drawn, sent);
    expect(outline(drawn)).toEqual(outline(list));
  });
});
