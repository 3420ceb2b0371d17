import { defineField } from 'sanity';

/**
 * The caption and credit every image in the model carries. Alt text differs
 * (always required in the body, required once an image is chosen as the main
 * image), so each image type defines its own `alt`.
 */
export const captionField = defineField({
  name: 'caption',
  title: 'Caption',
  type: 'string',
  description: 'Shown under the image.',
});

export const creditField = defineField({
  name: 'credit',
  title: 'Credit',
  type: 'string',
  description: 'Photographer or agency, e.g. "Jane Doe / Reuters".',
});

// Shared with the importer's publish check (sanity/lib/article-rules.ts).
export { ALT_REQUIRED_MESSAGE } from '../lib/article-rules.ts';
