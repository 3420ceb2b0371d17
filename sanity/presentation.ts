import type { DocumentLocationsState, PresentationPluginOptions } from 'sanity/presentation';
import { DRAFT_MODE_DISABLE_PATH, DRAFT_MODE_ENABLE_PATH } from '../lib/draft-mode/routes.ts';
import { articlePath, authorPath, sourcePath, tagPath } from '../lib/urls/paths.ts';

/*
 * The Presentation tool: the site in a frame beside the document, in draft
 * mode. The Studio is embedded in the site, so the preview is the same origin
 * (Sanity's default, `location.origin`). The tool enables draft mode through
 * our own route, which checks Sanity's preview secret and the redirect.
 */

type Selected = { title?: unknown; name?: unknown; slug?: unknown; tagTitle?: unknown; tagSlug?: unknown } | null;

const NO_SLUG: DocumentLocationsState = {
  message: 'Give the document a slug to preview it on the site.',
  tone: 'caution',
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Where an article appears: its own page, then its lead tag's listing. */
export function articleLocations(doc: Selected): DocumentLocationsState {
  const slug = text(doc?.slug);
  if (!slug) return NO_SLUG;
  const locations = [{ title: text(doc?.title) ?? 'Untitled article', href: articlePath(slug) }];
  const tagSlug = text(doc?.tagSlug);
  if (tagSlug) locations.push({ title: text(doc?.tagTitle) ?? tagSlug, href: tagPath(tagSlug) });
  return { locations };
}

function listingLocations(path: (slug: string) => string) {
  return (doc: Selected): DocumentLocationsState => {
    const slug = text(doc?.slug);
    if (!slug) return NO_SLUG;
    return { locations: [{ title: text(doc?.title) ?? text(doc?.name) ?? slug, href: path(slug) }] };
  };
}

export const presentationOptions = {
  previewUrl: {
    initial: '/',
    previewMode: { enable: DRAFT_MODE_ENABLE_PATH, disable: DRAFT_MODE_DISABLE_PATH },
  },
  resolve: {
    // A page in the frame → the document to edit beside it.
    mainDocuments: [{ route: '/articles/:slug', filter: '_type == "article" && slug.current == $slug' }],
    // A document → the pages that show it.
    locations: {
      article: {
        select: { title: 'title', slug: 'slug.current', tagTitle: 'tags.0.title', tagSlug: 'tags.0.slug.current' },
        resolve: articleLocations,
      },
      tag: { select: { title: 'title', slug: 'slug.current' }, resolve: listingLocations(tagPath) },
      source: { select: { name: 'name', slug: 'slug.current' }, resolve: listingLocations(sourcePath) },
      author: { select: { name: 'name', slug: 'slug.current' }, resolve: listingLocations(authorPath) },
    },
  },
} satisfies PresentationPluginOptions;
