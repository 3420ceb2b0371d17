import { ArticleCard, ArticleList, leadImageCard } from '@/components/article-card';
import { JsonLd } from '@/components/json-ld';
import { LiveNow } from '@/components/live/live-now';
import { getDirectory } from '@/lib/content/directory';
import { getHome } from '@/lib/content/home';
import { site } from '@/lib/site';

export default async function HomePage() {
  const [{ live, featured, latest, jsonLd }, tags] = await Promise.all([getHome(), getDirectory('tag')]);
  const lead = leadImageCard(featured);
  return (
    <>
      <JsonLd data={jsonLd} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      <LiveNow blogs={live} />
      {featured.length > 0 && (
        <section aria-labelledby="top-stories" className="top-stories">
          <h2 id="top-stories" className="section-title">
            Top stories
          </h2>
          <ol className="article-list featured-list">
            {featured.map((article) => (
              <li key={article._id}>
                <ArticleCard article={article} headingLevel={3} priority={article._id === lead} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="latest">
        <h2 id="latest" className="section-title">
          Latest
        </h2>
        <ArticleList articles={latest} headingLevel={3} leadImage={!lead} />
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
