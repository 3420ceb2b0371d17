import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleLocations, presentationOptions } from '../../sanity/presentation.ts';

type Tool = { name: string; options?: typeof presentationOptions };
type Plugin = { name?: string; tools?: Tool[] };

/** The file under app/ that answers a path like /api/draft-mode/enable. */
const routeFile = (path: string) => `app${path}/route.ts`;

describe('the Presentation tool', () => {
  it('is registered in the Studio with the site’s draft-mode routes', async () => {
    const { config } = await import('../../sanity.config.ts');
    const tools = ((config as { plugins?: Plugin[] }).plugins ?? []).flatMap((plugin) => plugin.tools ?? []);
    const presentation = tools.find((tool) => tool.name === 'presentation');
    expect(presentation?.options?.previewUrl.previewMode).toEqual({
      enable: '/api/draft-mode/enable',
      disable: '/api/draft-mode/disable',
    });
  });

  it('points at routes that exist and check Sanity’s preview secret and the redirect', () => {
    const { enable, disable } = presentationOptions.previewUrl.previewMode;
    for (const path of [enable, disable]) expect(existsSync(routeFile(path)), path).toBe(true);
    const enableRoute = readFileSync(routeFile(enable), 'utf8');
    expect(enableRoute).toContain('sanity-preview-secret');
    expect(enableRoute).toContain('safeRedirectPath');
  });

  it('resolves an article to its page and its lead tag’s listing', () => {
    const { resolve, select } = presentationOptions.resolve.locations.article;
    expect(select.slug).toBe('slug.current');
    expect(resolve({ title: 'Harbour reopens', slug: 'harbour-reopens', tagTitle: 'Weather', tagSlug: 'weather' })).toEqual({
      locations: [
        { title: 'Harbour reopens', href: '/articles/harbour-reopens' },
        { title: 'Weather', href: '/tags/weather' },
      ],
    });
  });

  it('encodes slugs from content as the site does', () => {
    expect(articleLocations({ title: 'Кир', slug: 'кир' }).locations?.[0]?.href).toBe('/articles/%D0%BA%D0%B8%D1%80');
  });

  it('asks for a slug instead of linking nowhere', () => {
    for (const doc of [null, {}, { title: 'Draft', slug: '' }, { slug: '   ' }]) {
      expect(articleLocations(doc)).toEqual({ message: 'Give the document a slug to preview it on the site.', tone: 'caution' });
    }
  });

  it('resolves tags, sources and authors to their listings', () => {
    const { tag, source, author } = presentationOptions.resolve.locations;
    expect(tag.resolve({ title: 'World', slug: 'world' })).toEqual({ locations: [{ title: 'World', href: '/tags/world' }] });
    expect(source.resolve({ name: 'Reuters', slug: 'reuters' })).toEqual({ locations: [{ title: 'Reuters', href: '/sources/reuters' }] });
    expect(author.resolve({ name: 'Dana Reyes', slug: 'dana-reyes' })).toEqual({ locations: [{ title: 'Dana Reyes', href: '/authors/dana-reyes' }] });
  });

  it('opens the article beside the page it shows', () => {
    expect(presentationOptions.resolve.mainDocuments).toEqual([{ route: '/articles/:slug', filter: '_type == "article" && slug.current == $slug' }]);
  });
});
