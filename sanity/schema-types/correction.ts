import { defineField, defineType } from 'sanity';

/** A published correction, shown on the article newest first. */
export const correction = defineType({
  name: 'correction',
  title: 'Correction',
  type: 'object',
  fields: [
    defineField({
      name: 'date',
      title: 'Date',
      type: 'datetime',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Give the correction a date.'),
    }),
    defineField({
      name: 'text',
      title: 'What was corrected',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().error('Say what was wrong and what is now right.'),
    }),
  ],
  preview: {
    select: { date: 'date', text: 'text' },
    prepare: ({ date, text }: { date?: string; text?: string }) => ({
      title: text ?? 'Correction',
      subtitle: date ? date.slice(0, 10) : undefined,
    }),
  },
});
