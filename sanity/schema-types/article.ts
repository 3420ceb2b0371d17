import { defineArrayMember, defineField, defineType } from 'sanity';
import { BCP47_RULE_MESSAGE, isBcp47 } from '../lib/bcp47.ts';
import { coverageEndRule, coverageStartRule, coverageStillLiveWarning } from '../lib/coverage.ts';
import { isNotBefore } from '../lib/dates.ts';
import { articlePreview } from '../lib/previews.ts';
import { ALT_REQUIRED_MESSAGE, captionField, creditField } from './image-fields.ts';
import { slugField } from './slug-field.ts';

export const TITLE_MAX = 160;
export const STANDFIRST_MAX = 300;

export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  fields: [
    defineField({
      name: 'title',
      title: 'Headline',
      type: 'string',
      validation: (rule) => [
        rule.required().error('Write a headline.'),
        rule.max(TITLE_MAX).error(`Keep the headline to ${TITLE_MAX} characters or fewer.`),
      ],
    }),
    slugField('title', 'article'),
    defineField({
      name: 'standfirst',
      title: 'Standfirst',
      type: 'text',
      rows: 3,
      description: 'One or two sentences under the headline; also the search and feed summary.',
      validation: (rule) =>
        rule.max(STANDFIRST_MAX).error(`Keep the standfirst to ${STANDFIRST_MAX} characters or fewer.`),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      description: 'A time in the future holds the article back (embargo) until then.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Set when the article is published.'),
    }),
    defineField({
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      description: 'Shown as "Updated …" when later than the publish time.',
      validation: (rule) =>
        rule.custom((updatedAt: string | undefined, context) => {
          const publishedAt = (context.document as { publishedAt?: string } | undefined)?.publishedAt;
          return isNotBefore(updatedAt, publishedAt) || 'The update time cannot be before the publish time.';
        }),
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
          validation: (rule) =>
            rule.custom((alt: string | undefined, context) => {
              const image = context.parent as { asset?: unknown } | undefined;
              return !image?.asset || (alt ?? '').trim() !== '' || ALT_REQUIRED_MESSAGE;
            }),
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
      validation: (rule) => rule.required().min(1).unique().error('Add at least one tag (each tag once) before publishing.'),
    }),
    defineField({
      name: 'sources',
      title: 'Sources',
      type: 'array',
      description: 'The outlets the story comes from or draws on; the first is the lead source.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'source' }] })],
      validation: (rule) => rule.unique().error('List each source once.'),
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      description: 'The byline.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'author' }] })],
      validation: (rule) => rule.unique().error('List each author once.'),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      description: 'BCP 47 tag, e.g. en, fr, ar, pt-BR.',
      initialValue: 'en',
      validation: (rule) => [
        rule.required().error('Set the article language (e.g. en).'),
        rule.custom((tag: string | undefined) => !tag || isBcp47(tag) || BCP47_RULE_MESSAGE),
      ],
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
      options: { list: [{ title: 'Live', value: 'live' }, { title: 'Ended', value: 'ended' }], layout: 'radio', direction: 'horizontal' },
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
      validation: (rule) =>
        rule.unique().custom((previous: string[] | undefined, context) => {
          const current = (context.document as { slug?: { current?: string } } | undefined)?.slug?.current;
          return !current || !previous?.includes(current) || 'Remove the current slug from the previous slugs.';
        }),
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
