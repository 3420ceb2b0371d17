import { defineArrayMember, defineField, defineType } from 'sanity';
import { liveUpdatePreview } from '../lib/coverage.ts';
import { TITLE_MAX } from '../lib/article-rules.ts';

// The same limit as an article's title, shared with the live CLI (lib/import/live-update.ts).
export const LIVE_UPDATE_TITLE_MAX = TITLE_MAX;

/**
 * One update of a live blog. A document of its own, not an array in the
 * article, so several editors post at once without edit conflicts.
 */
export const liveUpdate = defineType({
  name: 'liveUpdate',
  title: 'Live update',
  type: 'document',
  fields: [
    defineField({
      name: 'article',
      title: 'Live blog',
      type: 'reference',
      to: [{ type: 'article' }],
      description: 'The live blog this update belongs to.',
      options: { filter: 'defined(coverage)' },
      validation: (rule) => rule.required().error('Choose the live blog this update belongs to.'),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      description: 'A time in the future holds the update back until then.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Set when the update is published.'),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      description: 'Optional; key events are listed by it.',
      validation: (rule) => rule.max(LIVE_UPDATE_TITLE_MAX).error(`Keep the title to ${LIVE_UPDATE_TITLE_MAX} characters or fewer.`),
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'blockContent',
      validation: (rule) => rule.required().min(1).error('Write the update.'),
    }),
    defineField({
      name: 'keyEvent',
      title: 'Key event',
      type: 'boolean',
      description: "List this update among the live blog's key events.",
      initialValue: false,
    }),
    defineField({
      name: 'pinned',
      title: 'Pinned',
      type: 'boolean',
      description: 'Show above the other updates while set.',
      initialValue: false,
    }),
    defineField({
      name: 'authors',
      title: 'Authors',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'author' }] })],
      validation: (rule) => rule.unique().error('List each author once.'),
    }),
  ],
  orderings: [{ title: 'Newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] }],
  preview: {
    select: {
      title: 'title',
      text: 'body.0.children.0.text',
      publishedAt: 'publishedAt',
      keyEvent: 'keyEvent',
      pinned: 'pinned',
      article: 'article.title',
    },
    prepare: (selection: Parameters<typeof liveUpdatePreview>[0]) => liveUpdatePreview(selection),
  },
});
