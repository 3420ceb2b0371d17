import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SLUG_MAX_LENGTH } from '../portable-text/slugify.ts';
import { isSlug } from '../urls/slug.ts';
import type { Correction } from './parsed-article.ts';

const slugList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().refine(isSlug, 'expected lowercase slugs such as "central-asia"')));

// YAML may hand back a Date for an unquoted timestamp under some schemas.
// Dates are stored as full UTC datetimes ("2026-11-20" → "2026-11-20T00:00:00.000Z"),
// the form Sanity's datetime fields hold.
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString() : value.trim()))
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'expected an ISO 8601 date such as 2026-11-20 or 2026-11-20T08:00:00Z',
  })
  .transform((value) => new Date(value).toISOString());

/** Front matter an editor may write; unknown keys are refused so a typo ("tag:") is caught. */
export const frontMatterSchema = z
  .object({
    // Lengths are publish rules (sanity/lib/article-rules.ts): too long makes a draft, not a refusal.
    title: z.string().trim().min(1).optional(),
    slug: z.string().refine(isSlug, 'expected a lowercase slug such as "my-headline"').max(SLUG_MAX_LENGTH).optional(),
    standfirst: z.string().trim().min(1).optional(),
    published: isoDate.optional(),
    updated: isoDate.optional(),
    tags: slugList.optional(),
    sources: slugList.optional(),
    author: z.string().refine(isSlug, 'expected an author slug such as "jane-doe"').optional(),
    authors: slugList.optional(),
    featured: z.boolean().optional(),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'expected a BCP 47 tag such as "en" or "ru"')
      .optional(),
    corrections: z.array(z.object({ date: isoDate, text: z.string().trim().min(1) }).strict()).optional(),
  })
  .strict();

export type FrontMatter = Omit<z.infer<typeof frontMatterSchema>, 'author'>;

/** Splits `---\n…\n---` off the top of a Markdown file and validates it. */
export function readFrontMatter(text: string, file: string): { data: FrontMatter; body: string } {
  const source = text.replace(/^\uFEFF/u, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u.exec(source);
  if (!match) return { data: {}, body: source };

  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '') ?? {};
  } catch (error) {
    throw new Error(`${file}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const result = frontMatterSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(front matter)';
      return `front matter field "${field}": ${issue.message}`;
    });
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  const { author, authors, ...rest } = result.data;
  const data: FrontMatter = { ...rest };
  if (authors ?? author) data.authors = authors ?? [author!];
  return { data, body: source.slice(match[0].length) };
}

export function toCorrections(list: FrontMatter['corrections']): Correction[] | undefined {
  return list?.map(({ date, text }) => ({ date, text }));
}
