import { Feed, type FeedOptions, type Item } from 'feed';
import { stripInvalidXml } from '../format/xml.ts';
import { type FeedChannel, type FeedItem, textAsHtml } from './feed-item.ts';
import { forCdata, forText, restoreXml, withLanguageMarker } from './xml-safe.ts';

/*
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same typed items. RSS and Atom
 * go through the `feed` package, every string first passing xml-safe.ts (the
 * package's CDATA and escaping gaps are closed there, in one place); JSON Feed
 * is written here because `feed` 6 only writes JSON Feed 1.0 with one author.
 */

// An empty feed is dated at the epoch, so its body (and ETag) is stable between builds.
const EMPTY_FEED_DATE = new Date(0);

function options(channel: FeedChannel, links: FeedOptions['feedLinks']): FeedOptions {
  return {
    id: channel.homeUrl,
    title: forText(channel.title),
    description: forText(channel.description),
    link: channel.homeUrl,
    language: channel.language,
    image: channel.logoUrl,
    favicon: channel.faviconUrl,
    updated: channel.updated ? new Date(channel.updated) : EMPTY_FEED_DATE,
    feedLinks: links,
    // <atom:link rel="hub">, next to the rel="self" that feedLinks writes (WebSub §4).
    hub: channel.hubUrl,
    generator: false,
  };
}

/**
 * xml-js writes an array as repeated elements (one dc:creator per author);
 * `feed` types extension objects as a record, which an array also is at run time.
 */
function repeated(texts: string[]): Record<string, unknown> {
  return texts.map((text) => ({ _text: text })) as unknown as Record<string, unknown>;
}

/** RSS 2.0 with `content:encoded`, `dc:creator` and `dc:language` per item. */
export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = new Feed(options(channel, { rss: channel.feedUrl }));
  for (const item of items) {
    const entry: Item = {
      title: forCdata(item.title),
      link: item.url,
      guid: item.id,
      date: new Date(item.modified),
      published: new Date(item.published),
      description: item.summary ? forCdata(textAsHtml(item.summary)) : undefined,
      content: forCdata(item.contentHtml),
      category: item.categories.map((category) => ({ name: forText(category.name), domain: category.url })),
      extensions: [
        // RSS's own <author> must be an e-mail address; feed readers take names from dc:creator.
        ...(item.authors.length > 0 ? [{ name: 'dc:creator', objects: repeated(item.authors.map((author) => forText(author.name))) }] : []),
        { name: 'dc:language', objects: { _text: item.language } },
      ],
    };
    feed.addItem(entry);
  }
  return restoreXml(feed.rss2());
}

/** Atom 1.0; each entry carries its language as `xml:lang`. */
export function atomXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = new Feed(options(channel, { atom: channel.feedUrl }));
  for (const item of items) {
    feed.addItem({
      // Atom titles and summaries are typed "html" by `feed`: plain text is escaped into HTML first.
      title: withLanguageMarker(forCdata(textAsHtml(item.title)), item.language),
      id: item.id,
      link: item.url,
      date: new Date(item.modified),
      published: new Date(item.published),
      description: item.summary ? forCdata(textAsHtml(item.summary)) : undefined,
      content: forCdata(item.contentHtml),
      author: item.authors.map((author) => ({ name: forText(author.name), link: author.url })),
      category: item.categories.map((category) => ({ name: forText(category.name), term: forText(category.name), scheme: category.url })),
    });
  }
  return restoreXml(feed.atom1());
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(channel: FeedChannel, items: readonly FeedItem[], publisher: { name: string; url: string }): string {
  const clean = (value: string) => stripInvalidXml(value);
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(channel.title),
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: clean(channel.description),
    icon: channel.logoUrl,
    ...(channel.faviconUrl ? { favicon: channel.faviconUrl } : {}),
    language: channel.language,
    ...(channel.hubUrl ? { hubs: [{ type: 'WebSub', url: channel.hubUrl }] } : {}),
    authors: [publisher],
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: clean(item.title),
      ...(item.summary ? { summary: clean(item.summary) } : {}),
      content_html: clean(item.contentHtml),
      ...(item.image ? { image: item.image } : {}),
      date_published: item.published,
      date_modified: item.modified,
      ...(item.authors.length > 0 ? { authors: item.authors.map((author) => ({ name: clean(author.name), url: author.url })) } : {}),
      tags: item.categories.map((category) => clean(category.name)),
      language: item.language,
    })),
  };
  return JSON.stringify(document, null, 2);
}
