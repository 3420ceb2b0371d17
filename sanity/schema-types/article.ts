import { defineArrayMember, defineField, defineType } from 'sanity';
import {
  authorsRule,
  languageRule,
  mainImageAltRule,
  previousSlugsRule,
  publishedAtRule,
  sourcesRule,
  standfirstRule,
  tagsRule,
  titleRule,
  updatedAtRule,
  type ArticleFields,
} from '../lib/article-rules.ts';
import { coverageEndRule, coverageStartRule, coverageStillLiveWarning } from '../lib/coverage.ts';
import { articlePreview } from '../lib/previews.ts';
import { captionField, creditField } from './image-fields.ts';
import { slugField } from './slug-field.ts';

export { STANDFIRST_MAX, TITLE_MAX } from '../lib/article-rules.ts';

// The publish rules live in sanity/lib/article-rules.ts, shared with the importer; each field runs its own.
const fields = (context: { document?: unknown }) => (context.document ?? {}) as ArticleFields;

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      validation: (rule) => rule.custom((_value, context) => titleRule(fields(context))),
    }),
    slugField('title', 'article'),
    defineField({
      name: 'standfirst',
      title: 'Standfirst',
      type: 'text',
      rows: 3,
      description: 'One or two sentences under the headline; also the search and feed summary.',
      validation: (rule) => rule.custom((_value, context) => standfirstRule(fields(context))),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      description: 'A time in the future holds the article back (embargo) until then.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.custom((_value, context) => publishedAtRule(fields(context))),
    }),
    defineField({
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      description: 'Shown as "Updated …" when later than the publish time.',
      validation: (rule) => rule.custom((_value, context) => updatedAtRule(fields(context))),
    }),
    defineField({
      name: 'mainImage',
      title: 'Main image',
      type: 'image',
      options: { hotspot: true },
      fields: [
        defineField({
          name: 'alt',
          title: 'Alt text',
          type: 'string',
          validation: (rule) => rule.custom((_value, context) => mainImageAltRule(fields(context))),
        }),
        captionField,
        creditField,
      ],
    }),
    defineField({ name: 'body', title: 'Body', type: 'blockContent' }),
    defineField({
      name: 'tags',
      title: 'Tags',
      type: 'array',
      description: 'The first tag is the lead tag.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'tag' }] })],
      validation: (rule) => rule.custom((_value, context) => tagsRule(fields(context))),
    }),
    defineField({
      name: 'sources',
      title: 'Sources',
      type: 'array',
      description: 'The outlets the story comes from or draws on; the first is the lead source.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'source' }] })],
      validation: (rule) => rule.custom((_value, context) => sourcesRule(fields(context))),
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      description: 'The byline.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'author' }] })],
      validation: (rule) => rule.custom((_value, context) => authorsRule(fields(context))),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      description: 'BCP 47 tag, e.g. en, fr, ar, pt-BR.',
      initialValue: 'en',
      validation: (rule) => rule.custom((_value, context) => languageRule(fields(context))),
    }),
    defineField({
      name: 'featured',
      title: 'Top story',
      type: 'boolean',
      description: 'Show among the top stories on the home page.',
      initialValue: false,
    }),
    defineField({
      name: 'coverage',
      title: 'Live coverage',
      type: 'string',
      description: 'Makes this article a live blog: Live while it runs, Ended when it is over. Leave empty for an ordinary article.',
      options: {
        list: [
          { title: 'Live', value: 'live' },
          { title: 'Ended', value: 'ended' },
        ],
        layout: 'radio',
        direction: 'horizontal',
      },
    }),
    defineField({
      name: 'coverageStartedAt',
      title: 'Coverage started at',
      type: 'datetime',
      hidden: ({ document }) => !document?.coverage && !document?.coverageStartedAt,
      validation: (rule) => rule.custom((_value, context) => coverageStartRule(context.document as never)),
    }),
    defineField({
      name: 'coverageEndedAt',
      title: 'Coverage ended at',
      type: 'datetime',
      hidden: ({ document }) => !document?.coverage && !document?.coverageEndedAt,
      validation: (rule) => [
        rule.custom((_value, context) => coverageEndRule(context.document as never)),
        rule.custom((_value, context) => coverageStillLiveWarning(context.document as never)).warning(),
      ],
    }),
    defineField({
      name: 'corrections',
      title: 'Corrections',
      type: 'array',
      of: [defineArrayMember({ type: 'correction' })],
    }),
    defineField({
      name: 'previousSlugs',
      title: 'Previous slugs',
      type: 'array',
      description: 'Old URLs that redirect here. Filled in when a renamed article is published.',
      of: [defineArrayMember({ type: 'string' })],
      validation: (rule) => rule.unique().custom((_value, context) => previousSlugsRule(fields(context))),
    }),
  ],
  orderings: [
    { title: 'Newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] },
    { title: 'Oldest first', name: 'publishedAtAsc', by: [{ field: 'publishedAt', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', publishedAt: 'publishedAt', tag: 'tags.0.title', media: 'mainImage' },
    prepare: (selection: Parameters<typeof articlePreview>[0]) => articlePreview(selection),
  },
});
