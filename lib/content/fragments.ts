/*
 * The GROQ pieces every feature query is built from, written once. The same
 * text runs against Sanity and the embedded dataset (groq-js). The published
 * filter is written into each query as well as applied by the perspective, so
 * a misconfigured client still cannot show a draft, a version or an embargoed article.
 */

export const isPublic = /* groq */ `!(_id in path("drafts.**")) && !(_id in path("versions.**"))`;
export const isPublicArticle = /* groq */ `_type == "article" && ${isPublic} && defined(slug.current) && dateTime(publishedAt) <= dateTime(now())`;

/** A live blog's update is public when it is published and its time has come (its article is checked by the caller). */
export const isPublicLiveUpdate = /* groq */ `_type == "liveUpdate" && ${isPublic} && dateTime(publishedAt) <= dateTime(now())`;

export const image = /* groq */ `{
  alt, caption, credit, hotspot, crop,
  "asset": asset->{_id, url, "lqip": metadata.lqip, "width": metadata.dimensions.width, "height": metadata.dimensions.height}
}`;

// Dangling, unpublished or slugless references come back as null or incomplete; the zod schemas drop them.
const tagRef = /* groq */ `tags[]->{_id, title, "slug": slug.current}`;
const sourceRef = /* groq */ `sources[]->{_id, name, "slug": slug.current, kind, stateAffiliated, url}`;
const authorRef = /* groq */ `authors[]->{_id, name, "slug": slug.current, role}`;

export const articleCard = /* groq */ `
  _id, _updatedAt, title, "slug": slug.current, language, standfirst, publishedAt, updatedAt, featured,
  coverage,
  "liveUpdatedAt": select(coverage in ["live", "ended"] => *[${isPublicLiveUpdate} && article._ref == ^._id] | order(publishedAt desc) [0].publishedAt),
  "lede": pt::text(body[_type == "block" && style == "normal" && !defined(listItem)][0]),
  "tags": ${tagRef},
  "sources": ${sourceRef},
  "authors": ${authorRef},
  "mainImage": mainImage${image}
`;

/** The whole article: the card, its body with images resolved, and its dated corrections (page and feeds). */
export const articleFull = /* groq */ `
  ${articleCard},
  "body": body[]{
    ...,
    _type == "image" => ${image},
    markDefs[]{...}
  },
  "corrections": corrections[defined(date) && defined(text)] | order(date desc) {_key, date, text}
`;

/** The owner documents of listings and scoped feeds, by type. */
export const ownerFields = {
  tag: /* groq */ `_id, title, "slug": slug.current, description`,
  source: /* groq */ `_id, name, "slug": slug.current, kind, stateAffiliated, url, description`,
  author: /* groq */ `_id, name, "slug": slug.current, role, bio`,
} as const;

/** Public articles that reference the document in scope (`^`), for listings, counts and feeds. */
export const articlesReferencingParent = /* groq */ `*[${isPublicArticle} && references(^._id)]`;
