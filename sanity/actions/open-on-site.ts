import type { DocumentActionComponent } from 'sanity';
import { hasSiteUrl, siteUrl } from '../env.ts';
import { articleUrl } from '../lib/article-url.ts';

/** The site origin: the configured one, else the origin the embedded Studio runs on. */
function currentSiteUrl(): string {
  if (hasSiteUrl) return siteUrl;
  return typeof window === 'undefined' ? siteUrl : window.location.origin;
}

/**
 * Opens the published article on the public site. Disabled (with the reason
 * as tooltip) until there is a published, non-embargoed version to open,
 * because the site shows published documents only.
 */
export const OpenOnSiteAction: DocumentActionComponent = (props) => {
  if (props.type !== 'article') return null;
  const published = props.published as { slug?: { current?: string }; publishedAt?: string } | null;
  const slug = published?.slug?.current;
  const embargoed = published?.publishedAt ? Date.parse(published.publishedAt) > Date.now() : false;
  const reason = !slug
    ? 'Publish the article first: the site shows published articles only.'
    : embargoed
      ? 'Scheduled: the article is not public until its publish time.'
      : undefined;
  return {
    label: 'Open on site',
    title: reason ?? 'Open the published article on the site in a new tab',
    disabled: reason !== undefined,
    onHandle: () => {
      if (slug) window.open(articleUrl(currentSiteUrl(), slug), '_blank', 'noopener,noreferrer');
    },
  };
};
OpenOnSiteAction.displayName = 'OpenOnSiteAction';
