import { defineArrayMember, defineField, defineType } from 'sanity';
import { HREF_RULE_MESSAGE, isAllowedHref } from '../lib/href.ts';
import { ALT_REQUIRED_MESSAGE, captionField, creditField } from './image-fields.ts';

/**
 * The article body (Portable Text). Only what the site renders is offered:
 * paragraphs, two heading levels, quotes, two list kinds, bold, italic, links
 * and images.
 */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Heading 2', value: 'h2' },
        { title: 'Heading 3', value: 'h3' },
        { title: 'Quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bullet', value: 'bullet' },
        { title: 'Numbered', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            fields: [
              // A string, not `url`: the url type's built-in check would refuse
              // site-relative links and double up the message for bad ones.
              defineField({
                name: 'href',
                title: 'URL',
                type: 'string',
                description: 'https://…, http://…, mailto:… or a page on this site such as /articles/…',
                validation: (rule) => [
                  rule.required().error('Add the address the link goes to.'),
                  rule.custom((href: string | undefined) => !href || isAllowedHref(href) || HREF_RULE_MESSAGE),
                ],
              }),
            ],
          }),
        ],
      },
    }),
    defineArrayMember({
      type: 'image',
      options: { hotspot: true },
      fields: [
        defineField({
          name: 'alt',
          title: 'Alt text',
          type: 'string',
          validation: (rule) => rule.required().error(ALT_REQUIRED_MESSAGE),
        }),
        captionField,
        creditField,
      ],
    }),
  ],
});
