/**
 * What an article must satisfy before it is published, in one place: the
 * Studio's schema (sanity/schema-types/article.ts) runs each rule as a field's
 * validation, and the importer (lib/import/plan-import.ts) runs them all to
 * decide between publishing and writing a draft. Pure, no Sanity import, so
 * the command line runs it too. Each rule returns true or the message an
 * editor sees.
 */
import { BCP47_RULE_MESSAGE, isBcp47 } from './bcp47.ts';
import { coverageEndRule, coverageStartRule } from './coverage.ts';
import { isNotBefore } from './dates.ts';
import { HREF_RULE_MESSAGE, isAllowedHref } from './href.ts';

export const TITLE_MAX = 160;
export const STANDFIRST_MAX = 300;
export const ALT_REQUIRED_MESSAGE = 'Add alt text: describe the image for readers who cannot see it.';

export const slugRequiredMessage = (what: string) => `Generate a slug: the ${what} needs one for its URL.`;

type Ref = { _ref?: unknown };
type Block = { _type?: unknown; alt?: unknown; markDefs?: { _type?: unknown; href?: unknown }[] };

/** The article fields the rules read; anything else in the document is ignored. */
export type ArticleFields = {
  title?: unknown;
  slug?: { current?: unknown };
  standfirst?: unknown;
  publishedAt?: unknown;
  updatedAt?: unknown;
  language?: unknown;
  mainImage?: { asset?: unknown; alt?: unknown };
  body?: unknown;
  tags?: unknown;
  sources?: unknown;
  authors?: unknown;
  previousSlugs?: unknown;
  coverage?: string;
  coverageStartedAt?: string;
  coverageEndedAt?: string;
};

type Rule = (doc: ArticleFields) => true | string;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const filled = (value: unknown) => text(value).trim() !== '';
const refs = (value: unknown): Ref[] => (Array.isArray(value) ? (value as Ref[]) : []);
const distinct = (value: unknown) => {
  const ids = refs(value).map((ref) => ref?._ref);
  return new Set(ids).size === ids.length;
};

export const titleRule: Rule = (doc) => {
  if (!filled(doc.title)) return 'Write a headline.';
  return text(doc.title).length <= TITLE_MAX || `Keep the headline to ${TITLE_MAX} characters or fewer.`;
};

export const slugRule: Rule = (doc) => filled(doc.slug?.current) || slugRequiredMessage('article');

export const standfirstRule: Rule = (doc) => text(doc.standfirst).length <= STANDFIRST_MAX || `Keep the standfirst to ${STANDFIRST_MAX} characters or fewer.`;

export const publishedAtRule: Rule = (doc) => filled(doc.publishedAt) || 'Set when the article is published.';

export const updatedAtRule: Rule = (doc) => isNotBefore(text(doc.updatedAt), text(doc.publishedAt)) || 'The update time cannot be before the publish time.';

export const languageRule: Rule = (doc) => {
  if (!filled(doc.language)) return 'Set the article language (e.g. en).';
  return isBcp47(text(doc.language)) || BCP47_RULE_MESSAGE;
};

export const mainImageAltRule: Rule = (doc) => !doc.mainImage?.asset || filled(doc.mainImage.alt) || ALT_REQUIRED_MESSAGE;

export const tagsRule: Rule = (doc) => (refs(doc.tags).length >= 1 && distinct(doc.tags)) || 'Add at least one tag (each tag once) before publishing.';

export const sourcesRule: Rule = (doc) => distinct(doc.sources) || 'List each source once.';

export const authorsRule: Rule = (doc) => distinct(doc.authors) || 'List each author once.';

export const previousSlugsRule: Rule = (doc) => {
  const current = text(doc.slug?.current);
  const previous = Array.isArray(doc.previousSlugs) ? (doc.previousSlugs as unknown[]) : [];
  return !current || !previous.includes(current) || 'Remove the current slug from the previous slugs.';
};

/** The body's links and images, checked as the blockContent type checks them. */
export function bodyProblems(body: unknown): string[] {
  const problems = new Set<string>();
  for (const block of Array.isArray(body) ? (body as Block[]) : []) {
    if (block?._type === 'image' && !filled(block.alt)) problems.add(ALT_REQUIRED_MESSAGE);
    for (const def of Array.isArray(block?.markDefs) ? block.markDefs : []) {
      if (def?._type !== 'link') continue;
      if (!filled(def.href)) problems.add('Add the address the link goes to.');
      else if (!isAllowedHref(text(def.href))) problems.add(HREF_RULE_MESSAGE);
    }
  }
  return [...problems];
}

const fieldRules: [field: string, rule: Rule][] = [
  ['title', titleRule],
  ['slug', slugRule],
  ['standfirst', standfirstRule],
  ['publishedAt', publishedAtRule],
  ['updatedAt', updatedAtRule],
  ['mainImage', mainImageAltRule],
  ['tags', tagsRule],
  ['sources', sourcesRule],
  ['authors', authorsRule],
  ['language', languageRule],
  ['coverageStartedAt', (doc) => coverageStartRule(doc)],
  ['coverageEndedAt', (doc) => coverageEndRule(doc)],
  ['previousSlugs', previousSlugsRule],
];

export type RuleProblem = { field: string; message: string };

/** Every rule the article fails, as `field: message`, in the Studio's field order. None: it may be published. */
export function articleProblems(doc: ArticleFields): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [field, rule] of fieldRules) {
    const result = rule(doc);
    if (result !== true) problems.push({ field, message: result });
  }
  for (const message of bodyProblems(doc.body)) problems.push({ field: 'body', message });
  return problems;
}
