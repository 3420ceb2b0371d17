import { defineQuery } from 'groq';
import { articleCard, isPublicArticle } from './fragments.ts';

/*
 * The search query's parts, apart from search.ts so the embedded source can answer the
 * same query from its text index (sources/search-path.ts) without importing the search
 * feature (which imports the sources). Both read these constants: the index ranks with
 * the boosts the GROQ text is built from.
 */

/** The fields searched, in this order, with score()'s weight for each: a headline match outranks a standfirst match, which outranks the body. */
export const searchBoosts = [
  { field: 'title', boost: 3 },
  { field: 'standfirst', boost: 2 },
  { field: 'pt::text(body)', boost: null },
] as const;
/** What `match` filters on. coalesce: an article without a standfirst is still found by its body. */
export const searchedFields = `[${searchBoosts.map(({ field }) => `coalesce(${field}, "")`).join(', ')}]`;
/** After the score, newest first. */
export const searchTieBreak = 'publishedAt';
/** What each result carries: the card, and the body's text for an excerpt. */
export const searchProjection = /* groq */ `{
      ${articleCard},
      "text": pt::text(body)
    }`;
export { isPublicArticle as searchFilter };

// Every term must appear somewhere in the headline, standfirst or body (match ANDs its patterns).
const searchable = /* groq */ `${searchedFields} match $terms`;
const score = searchBoosts.map(({ field, boost }) => (boost === null ? `${field} match $terms` : `boost(${field} match $terms, ${boost})`)).join(', ');

export const searchQuery = defineQuery(`{
  "total": count(*[${isPublicArticle} && ${searchable}]),
  "results": *[${isPublicArticle} && ${searchable}]
    | score(${score})
    | order(_score desc, ${searchTieBreak} desc) [$start...$end] ${searchProjection}
}`);
