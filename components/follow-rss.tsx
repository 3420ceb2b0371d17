import { feedPaths } from '@/lib/urls/paths';
import { site } from '@/lib/site';

/*
 * Feed discovery. Written as <link> elements in the root layout's <head>
 * rather than metadata `alternates.types`: a page that sets its own
 * `alternates` (every article, for its canonical URL) replaces the layout's
 * whole `alternates` object, which would drop the feeds from those pages.
 */

const FEEDS = [
  { type: 'application/rss+xml', href: feedPaths.rss, title: `${site.name} (RSS)` },
  { type: 'application/atom+xml', href: feedPaths.atom, title: `${site.name} (Atom)` },
  { type: 'application/feed+json', href: feedPaths.json, title: `${site.name} (JSON Feed)` },
] as const;

/** The site's feeds for feed readers' autodiscovery, on every page. */
export function FeedAutodiscovery() {
  return (
    <>
      {FEEDS.map((feed) => (
        <link key={feed.type} rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
    </>
  );
}

/** The visible link for readers who follow the site in a feed reader. */
export function FollowRss({ href = feedPaths.rss, label = 'Follow via RSS' }: { href?: string; label?: string }) {
  return (
    <a href={href} type="application/rss+xml">
      {label}
    </a>
  );
}
