import { defineField, defineType } from 'sanity';
import { sourcePreview } from '../lib/previews.ts';
import { SOURCE_KIND_TITLES, SOURCE_KINDS } from '../../lib/content/source-kinds.ts';
import { slugField } from './slug-field.ts';

const SOURCE_URL_MESSAGE = "Use the outlet's web address, starting with https:// or http://.";

export const source = defineType({
  name: 'source',
  title: 'Source',
  type: 'document',
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Give the source a name.'),
    }),
    slugField('name', 'source'),
    defineField({
      name: 'url',
      title: 'Home page',
      type: 'url',
      description: "The outlet's home page, starting with https:// or http://.",
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error(SOURCE_URL_MESSAGE),
    }),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 3 }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {
        list: SOURCE_KINDS.map((value) => ({ value, title: SOURCE_KIND_TITLES[value] })),
        layout: 'dropdown',
      },
      // The list already restricts the value; this gives that check a message editors understand.
      validation: (rule) => rule.error(`Choose a kind from the list (${SOURCE_KINDS.join(', ')}).`),
    }),
    defineField({
      name: 'stateAffiliated',
      title: 'State-affiliated',
      type: 'boolean',
      description: 'Readers see a "state-affiliated" label next to this source.',
      initialValue: false,
    }),
  ],
  orderings: [{ title: 'Name', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { name: 'name', kind: 'kind', stateAffiliated: 'stateAffiliated' },
    prepare: (selection: { name?: string; kind?: string; stateAffiliated?: boolean }) => sourcePreview(selection),
  },
});
