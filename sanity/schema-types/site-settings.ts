import { defineField, defineType } from 'sanity';

export const BREAKING_NEWS_MAX = 140;

type BreakingNews = { text?: string; article?: unknown; expiresAt?: string };

/**
 * The one `siteSettings` document (`_id: "siteSettings"`, see CONTENT-MODEL.md).
 * Its breaking-news banner shows on every page until `expiresAt`; the Studio
 * opens the document from "Site settings" and offers no way to make a second.
 */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  fields: [
    defineField({
      name: 'breakingNews',
      title: 'Breaking news',
      type: 'object',
      description: 'A banner on every page until it expires. Clear the text to take it down now.',
      fields: [
        defineField({
          name: 'text',
          title: 'Text',
          type: 'string',
          validation: (rule) => [
            rule.max(BREAKING_NEWS_MAX).error(`Keep the banner to ${BREAKING_NEWS_MAX} characters or fewer.`),
            rule.custom((text: string | undefined, context) => {
              const parent = context.parent as BreakingNews | undefined;
              return text?.trim() || (!parent?.article && !parent?.expiresAt) ? true : 'Write the banner text, or clear the banner.';
            }),
          ],
        }),
        defineField({
          name: 'article',
          title: 'Article',
          type: 'reference',
          to: [{ type: 'article' }],
          description: 'Optional: the story the banner links to. The link shows once the article is public.',
          options: { disableNew: true },
        }),
        defineField({
          name: 'expiresAt',
          title: 'Expires at',
          type: 'datetime',
          description: 'When the banner comes down by itself.',
          validation: (rule) =>
            rule.custom((expiresAt: string | undefined, context) => {
              const parent = context.parent as BreakingNews | undefined;
              return expiresAt || !parent?.text?.trim() ? true : 'Set when the banner comes down: it shows until then.';
            }),
        }),
      ],
    }),
  ],
  preview: {
    select: { text: 'breakingNews.text' },
    prepare: ({ text }: { text?: string }) => ({ title: 'Site settings', subtitle: text ? `Breaking: ${text}` : 'No breaking news' }),
  },
});
