/**
 * Site settings: defined once, used by pages, feeds, JSON-LD and Open Graph images.
 * The canonical origin comes from `SITE_URL` (see lib/env.ts), not from here.
 */
export const site = {
  name: 'NextMinuteNews',
  description: 'Independent news from Central Asia and the world, written to be read: clear, sourced and corrected in the open.',
  language: 'en',
  timeZone: 'UTC',
  logoPath: '/logo.png',
  pageSize: 20,
  feedSize: 50,
  /** Characters of a search query considered at all (the one search form's maxLength too): a search box, not a document. */
  searchMaxLength: 200,
} as const;
