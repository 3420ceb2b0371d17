import { ArticleList } from '@/components/article-card';
import { FeaturedSection } from '@/components/featured-section';
import { JsonLd } from '@/components/json-ld';
import { getDirectory } from '@/lib/content/directory';
import { getHome } from '@/lib/content/home';
import { site } from '@/lib/site';

export default async function HomePage() {
  const [{ live, featured, latest, jsonLd }, tags] = await Promise.all([getHome(), getDirectory('tag')]);
  return (
    <>
      <JsonLd data={jsonLd} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      <FeaturedSection id="live-now" title="Live now" articles={live} className="live-now" />
      <FeaturedSection id="top-stories" title="Top stories" articles={featured} className="top-stories" />
      <section aria-labelledby="latest" className="latest">
        <h2 id="latest" className="section-title">
          Latest
        </h2>
        <ArticleList articles={latest} headingLevel={3} />
      </section>
      {tags.length > 0 && (
        <nav aria-labelledby="all-topics" className="topics">
          <h2 id="all-topics" className="section-title">
            Topics
          </h2>
          <ul className="chips">
            {tags.map((tag) => (
              <li key={tag._id}>
                <a href={tag.path}>
                  {tag.title} <span className="count">({tag.count})</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
