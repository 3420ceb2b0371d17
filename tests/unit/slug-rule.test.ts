import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../lib/import/front-matter.ts';
import { planArticleImport } from '../../lib/import/plan-import.ts';
import { slugify } from '../../lib/portable-text/slugify.ts';
import { isSlug } from '../../lib/urls/slug.ts';
import { feedPathsForChange } from '../../lib/websub/feeds-for-change.ts';

/*
 * One slug rule (lib/urls/slug.ts) for the importer's front matter, its --tags/--sources flags
 * and the WebSub ping's feed paths: each refuses and accepts the same values, and everything
 * slugify makes passes.
 */
const ACCEPTED = ['central-asia', 'a', '2026-vote', 'казахстан', 'عنوان-عربي', '東京'];
const REFUSED = ['', 'Central-Asia', 'new york', 'a--b', '-a', 'a-', 'a.b', 'a_b', '../../etc', 'a/b', 'x'.repeat(201)];

const frontMatterTakes = (slug: string) => frontMatterSchema.safeParse({ slug: slug.slice(0, 96), tags: [slug] }).success;
const importTakes = (slug: string) => {
  const parsed = { title: 'A headline', body: [], tags: [slug] };
  try {
    planArticleImport(parsed as never, { now: '2026-11-20T08:00:00.000Z' }, []);
    return true;
  } catch {
    return false;
  }
};
// A tag's own change, and an article's reference to it: the ping takes the slug in both.
const change = { id: 'x', previousSlugs: [], listsChanged: true, tagIds: [], sourceIds: [], tagSlugs: [], sourceSlugs: [] };
const pingTakes = (slug: string) => {
  const own = feedPathsForChange({ ...change, type: 'tag', slug }).length > 0;
  const referenced = feedPathsForChange({ ...change, type: 'article', tagSlugs: [slug] }).some((path) => path.startsWith('/tags/'));
  return own === referenced ? own : 'a tag and a reference to it disagree';
};

describe('the slug rule', () => {
  it('accepts lowercase words of any script and digits joined by single hyphens, in every place that checks a slug', () => {
    expect(ACCEPTED.map((slug) => [slug, isSlug(slug), frontMatterTakes(slug), importTakes(slug), pingTakes(slug)])).toEqual(
      ACCEPTED.map((slug) => [slug, true, true, true, true]),
    );
  });

  it('refuses capitals, spaces, doubled or outer hyphens, dots, underscores and slashes, in every place', () => {
    expect(REFUSED.map((slug) => [slug, isSlug(slug), frontMatterTakes(slug), importTakes(slug), pingTakes(slug)])).toEqual(
      REFUSED.map((slug) => [slug, false, false, false, false]),
    );
  });

  it('holds for whatever slugify makes of a headline', () => {
    const headlines = [
      'Kazakhstan Silences Pro- and Anti-Russian Voices',
      'Café Zürich — 50% Off!',
      'Казахстан: «мост» открыт',
      'Russia’s Grip',
      '  --  Odd__Spacing..  ',
    ];
    expect(headlines.map((headline) => isSlug(slugify(headline)))).toEqual(headlines.map(() => true));
  });
});
