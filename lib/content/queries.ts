import { defineQuery } from 'groq';

/*
 * Every query the site runs, named, with shared fragments. The same text runs
 * against Sanity and against the embedded dataset (groq-js). The published
 * filter is written into each query as well as applied by the perspective, so
 * a misconfigured client still cannot show a draft, a version or an embargoed article.
 */

export const isPublic = /* groq */ `!(_id in path("drafts.**")) && !(_id in path("versions.**"))`;
export const isPublicArticle = /* groq */ `_type == "article" && ${isPublic} && defined(slug.current) && dateTime(publishedAt) <= dateTime(now())`;

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
  "lede": pt::text(body[_type == "block" && style == "normal" && !defined(listItem)][0]),
  "tags": ${tagRef},
  "sources": ${sourceRef},
  "authors": ${authorRef},
  "mainImage": mainImage${image}
`;

export const homeQuery = defineQuery(`{
  "featured": *[${isPublicArticle} && featured == true] | order(publishedAt desc) [0...4] {${articleCard}},
  "latest": *[${isPublicArticle}] | order(publishedAt desc) [0...24] {${articleCard}}
}`);

export const articleBySlugQuery = defineQuery(`*[${isPublicArticle} && slug.current == $slug][0]{
  ${articleCard},
  previousSlugs,
  "body": body[]{
    ...,
    _type == "image" => ${image},
    markDefs[]{...}
  },
  "corrections": corrections[defined(date) && defined(text)] | order(date desc) {_key, date, text}
}`);

export const articleRedirectQuery = defineQuery(
  `*[${isPublicArticle} && $slug in previousSlugs] | order(publishedAt desc) [0]{"slug": slug.current}`,
);

export const recentArticleSlugsQuery = defineQuery(
  `*[${isPublicArticle}] | order(publishedAt desc) [0...$limit]{"slug": slug.current}`,
);

export const tagListQuery = defineQuery(`*[_type == "tag" && ${isPublic} && defined(slug.current)] | order(title asc){
  _id, title, "slug": slug.current, description,
  "count": count(*[${isPublicArticle} && references(^._id)])
}`);

export const sourceListQuery = defineQuery(`*[_type == "source" && ${isPublic} && defined(slug.current)] | order(name asc){
  _id, name, "slug": slug.current, kind, stateAffiliated, url, description,
  "count": count(*[${isPublicArticle} && references(^._id)])
}`);

export const authorListQuery = defineQuery(`*[_type == "author" && ${isPublic} && defined(slug.current)] | order(name asc){
  _id, name, "slug": slug.current, role, bio,
  "count": count(*[${isPublicArticle} && references(^._id)])
}`);

const listing = /* groq */ `
  "total": count(*[${isPublicArticle} && references(^._id)]),
  "articles": *[${isPublicArticle} && references(^._id)] | order(publishedAt desc) [$start...$end] {${articleCard}}
`;

export const tagPageQuery = defineQuery(`*[_type == "tag" && ${isPublic} && slug.current == $slug][0]{
  _id, title, "slug": slug.current, description, ${listing}
}`);

export const sourcePageQuery = defineQuery(`*[_type == "source" && ${isPublic} && slug.current == $slug][0]{
  _id, name, "slug": slug.current, kind, stateAffiliated, url, description, ${listing}
}`);

export const authorPageQuery = defineQuery(`*[_type == "author" && ${isPublic} && slug.current == $slug][0]{
  _id, name, "slug": slug.current, role, bio, ${listing}
}`);

export const healthQuery = defineQuery(`{"articles": count(*[${isPublicArticle}])}`);
