import { z } from 'zod';
import { modifiedAt } from '../format/modified.ts';
import { articlePath, authorPath, tagPath } from '../urls/paths.ts';
import { SOURCE_KIND_NAMES, SOURCE_KINDS, type SourceKind } from './source-kinds.ts';
import { articleSummary } from './summary.ts';

/*
 * The zod pieces every feature's schema is built from, written once: text,
 * dates, images, references and the article card. Types are inferred from
 * them; nothing downstream casts. Optional content is optional here too.
 */

export const text = z.string().trim().min(1);
export const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== '' ? value : undefined));
export const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());
export const optionalIsoDate = isoDate.nullish().transform((value) => value ?? undefined);
export const count = z.number().int().nonnegative();

/**
 * A list whose entries may be missing or incomplete: a dangling or unpublished
 * reference dereferences to null, a tag may lack a slug. Such entries are
 * dropped (the rest of the document still shows); that is expected, not an error.
 */
export function refList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((entries) =>
      (entries ?? []).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

/** A BCP 47 tag; missing or malformed means the site's language, never a broken `lang`. */
export const languageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
  .nullish()
  .catch(undefined)
  .transform((language) => language ?? 'en');

export const imageSchema = z
  .object({
    alt: optionalText,
    caption: optionalText,
    credit: optionalText,
    hotspot: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).partial().nullish(),
    crop: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }).partial().nullish(),
    asset: z
      .object({
        _id: z.string(),
        url: z.string(),
        lqip: optionalText,
        width: z.number().nullish(),
        height: z.number().nullish(),
      })
      .nullish(),
  })
  .nullish()
  // An image without a file or without alt text is not shown: alt is required by the content model.
  .transform((image) => (image?.asset && image.alt ? { ...image, asset: image.asset, alt: image.alt } : undefined));

export const tagRefSchema = z.object({ _id: z.string(), title: text, slug: text });
export const sourceRefFields = z.object({
  _id: z.string(),
  name: text,
  slug: text,
  // An unknown kind is shown as no kind rather than hiding the source.
  kind: z
    .enum(SOURCE_KINDS)
    .nullish()
    .catch(undefined)
    .transform((kind) => kind ?? undefined),
  stateAffiliated: z
    .boolean()
    .nullish()
    .transform((flag) => flag === true),
  url: optionalText,
});

/** Validate, then enhance: the kind as readers see it ("wire service"). */
export function withKindName<T extends { kind?: SourceKind }>(source: T) {
  return { ...source, kindName: source.kind ? SOURCE_KIND_NAMES[source.kind] : undefined };
}

export const sourceRefSchema = sourceRefFields.transform(withKindName);
export const authorRefSchema = z.object({ _id: z.string(), name: text, slug: text, role: optionalText });

/** The card's fields as stored; extend this, then finish with `.transform(withCardView)`. */
export const articleCardFields = z.object({
  _id: z.string(),
  _updatedAt: optionalIsoDate,
  title: text,
  slug: text,
  language: languageSchema,
  standfirst: optionalText,
  publishedAt: isoDate,
  updatedAt: optionalIsoDate,
  featured: z
    .boolean()
    .nullish()
    .transform((flag) => flag === true),
  /** A live blog's coverage ("live" while it runs) and its latest public update. */
  coverage: z
    .enum(['live', 'ended'])
    .nullish()
    .catch(undefined)
    .transform((coverage) => coverage ?? undefined),
  liveUpdatedAt: optionalIsoDate,
  lede: optionalText,
  tags: refList(tagRefSchema),
  sources: refList(sourceRefSchema),
  authors: refList(authorRefSchema),
  mainImage: imageSchema,
});

type CardFields = z.output<typeof articleCardFields>;

/** Validate, then enhance: what every card shows besides its fields (its path and its summary). */
export function withCardView<T extends CardFields>(card: T) {
  return { ...card, path: articlePath(card.slug), summary: articleSummary(card) };
}

export const articleCardSchema = articleCardFields.transform(withCardView);

/** Portable Text stays loosely typed here: the renderer skips what it does not know. */
export const portableTextSchema = z
  .array(z.looseObject({ _type: z.string(), _key: z.string().optional() }).nullable())
  .nullish()
  .transform((blocks) => (blocks ?? []).filter((block): block is NonNullable<typeof block> => block != null));

export const correctionSchema = z.object({ _key: z.string().optional(), date: isoDate, text: text });

/** An article with its body and corrections, as the page and the feeds read it. */
export const articleFullFields = articleCardFields.extend({
  body: portableTextSchema,
  corrections: refList(correctionSchema),
});

type FullFields = z.output<typeof articleFullFields>;

/**
 * Validate, then enhance, a whole article (its page, the feeds, JSON-LD): the
 * card's view, when it last changed for readers, and where its authors and tags
 * live, so no renderer works these out again.
 */
export function withFullView<T extends FullFields>(article: T) {
  return {
    ...withCardView(article),
    modifiedAt: modifiedAt(article),
    authors: article.authors.map((author) => ({ ...author, path: authorPath(author.slug) })),
    tags: article.tags.map((tag) => ({ ...tag, path: tagPath(tag.slug) })),
  };
}

/** The document a listing or scoped feed is about (a tag, a source or an author). */
export const tagOwnerSchema = tagRefSchema.extend({ description: optionalText });
export const sourceOwnerSchema = sourceRefFields.extend({ description: optionalText });
export const authorOwnerSchema = authorRefSchema.extend({ bio: optionalText });

export type ArticleCard = z.output<typeof articleCardSchema> & {
  /** Its picture is the page's lead image, loaded first: set by lib/content/lead-image.ts only (never from content). */
  lead?: boolean;
};
export type ContentImage = NonNullable<z.output<typeof imageSchema>> & {
  /** A lead image's phone-size picture as a `data:` URL, set by lib/content/lead-image.ts only (never from content). */
  inline?: string;
};
export type TagRef = z.output<typeof tagRefSchema>;
export type SourceRef = z.output<typeof sourceRefSchema>;
export type AuthorRef = z.output<typeof authorRefSchema>;
export type PortableTextBlocks = z.output<typeof portableTextSchema>;
export type { SourceKind } from './source-kinds.ts';
export type ArticleFields = z.output<typeof articleFullFields>;
