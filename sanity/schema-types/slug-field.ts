import { defineField } from 'sanity';
import { slugRequiredMessage } from '../lib/article-rules.ts';

/**
 * A slug generated from `source`, required, and unique among documents of the
 * same type. Uniqueness is Sanity's default check, which is scoped to the
 * document's type and ignores the document's own draft, published and
 * release versions.
 */
export function slugField(source: string, what: string) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    description: `The last part of the ${what}'s URL. Generate it from the ${source}; changing it later keeps the old URL as a redirect.`,
    options: { source, maxLength: 96 },
    validation: (rule) => rule.required().error(slugRequiredMessage(what)),
  });
}
