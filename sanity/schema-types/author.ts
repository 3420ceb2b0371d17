import { defineField, defineType } from 'sanity';
import { authorPreview } from '../lib/previews.ts';
import { slugField } from './slug-field.ts';

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Give the author a name.'),
    }),
    slugField('name', 'author'),
    defineField({ name: 'role', title: 'Role', type: 'string', description: 'e.g. "Europe correspondent".' }),
    defineField({ name: 'bio', title: 'Bio', type: 'text', rows: 4 }),
  ],
  orderings: [{ title: 'Name', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { name: 'name', role: 'role' },
    prepare: (selection: { name?: string; role?: string }) => authorPreview(selection),
  },
});
