import { z } from 'zod';

/*
 * The shapes the site relies on, checked at the door. Types are inferred from
 * these schemas; nothing downstream casts. Optional content is optional here
 * too: a missing standfirst or image renders without it.
 */

const text = z.string().trim().min(1);
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== '' ? value : undefined));
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());
const optionalIsoDate = isoDate.nullish().transform((value) => value ?? undefined);

/**
 * A list whose entries may be missing or incomplete: a dangling or unpublished
 * reference dereferences to null, a tag may lack a slug. Such entries are
 * dropped (the rest of the document still shows); that is expected, not an error.
 */
function refList<T extends z.ZodType>(item: T) {
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

export const sourceKinds = ['wire', 'newspaper', 'broadcaster', 'magazine', 'online', 'agency', 'government', 'ngo', 'other'] as const;

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
export const sourceRefSchema = z.object({
  _id: z.string(),
  name: text,
  slug: text,
  // An unknown kind is shown as no kind rather than hiding the source.
  kind: z.enum(sourceKinds).nullish().catch(undefined).transform((kind) => kind ?? undefined),
  stateAffiliated: z.boolean().nullish().transform((flag) => flag === true),
  url: optionalText,
});
export const authorRefSchema = z.object({ _id: z.string(), name: text, slug: text, role: optionalText });

export const articleCardSchema = z.object({
  _id: z.string(),
  _updatedAt: optionalIsoDate,
  title: text,
  slug: text,
  language: languageSchema,
  standfirst: optionalText,
  publishedAt: isoDate,
  updatedAt: optionalIsoDate,
  featured: z.boolean().nullish().transform((flag) => flag === true),
  lede: optionalText,
  tags: refList(tagRefSchema),
  sources: refList(sourceRefSchema),
  authors: refList(authorRefSchema),
  mainImage: imageSchema,
});

/** Portable Text stays loosely typed here: the renderer skips what it does not know. */
const portableTextSchema = z
  .array(z.looseObject({ _type: z.string(), _key: z.string().optional() }).nullable())
  .nullish()
  .transform((blocks) => (blocks ?? []).filter((block): block is NonNullable<typeof block> => block != null));

export const correctionSchema = z.object({ _key: z.string().optional(), date: isoDate, text: text });

export const articleSchema = articleCardSchema.extend({
  previousSlugs: z.array(z.string()).nullish().transform((slugs) => slugs ?? []),
  body: portableTextSchema,
  corrections: refList(correctionSchema),
});

const count = z.number().int().nonnegative();

export const tagSchema = tagRefSchema.extend({ description: optionalText, count });
export const sourceSchema = sourceRefSchema.extend({ description: optionalText, count });
export const authorSchema = authorRefSchema.extend({ bio: optionalText, count });

/** The document a listing page is about (a tag, a source or an author). */
export const tagOwnerSchema = tagRefSchema.extend({ description: optionalText });
export const sourceOwnerSchema = sourceRefSchema.extend({ description: optionalText });
export const authorOwnerSchema = authorRefSchema.extend({ bio: optionalText });
/** Articles are checked one by one afterwards, so one bad article does not hide the page. */
export const listingFields = { total: count, articles: z.array(z.unknown()) };

export type ArticleCard = z.infer<typeof articleCardSchema>;
export type Article = z.infer<typeof articleSchema>;
export type ContentImage = NonNullable<z.infer<typeof imageSchema>>;
export type TagRef = z.infer<typeof tagRefSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type AuthorRef = z.infer<typeof authorRefSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Author = z.infer<typeof authorSchema>;
export type SourceKind = (typeof sourceKinds)[number];
