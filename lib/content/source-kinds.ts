/*
 * The one list of source kinds: the Studio's options, the zod enum and the
 * labels readers see all come from here. Plain TypeScript with no imports, so
 * the Studio, the importer and the site can all load it.
 */

export const SOURCE_KINDS = ['wire', 'newspaper', 'broadcaster', 'magazine', 'online', 'agency', 'government', 'ngo', 'other'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How the Studio titles each kind in its radio list. */
export const SOURCE_KIND_TITLES: Record<SourceKind, string> = {
  wire: 'Wire service',
  newspaper: 'Newspaper',
  broadcaster: 'Broadcaster',
  magazine: 'Magazine',
  online: 'Online outlet',
  agency: 'Agency',
  government: 'Government',
  ngo: 'NGO',
  other: 'Other',
};

/** How a reader sees the kind after a source's name, e.g. "Reuters (wire service)". */
export const SOURCE_KIND_NAMES: Record<SourceKind, string> = {
  wire: 'wire service',
  newspaper: 'newspaper',
  broadcaster: 'broadcaster',
  magazine: 'magazine',
  online: 'online outlet',
  agency: 'news agency',
  government: 'government',
  ngo: 'non-governmental organisation',
  other: 'other',
};
