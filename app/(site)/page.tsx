import Link from 'next/link';
import { ArticleCard, ArticleList } from '@/components/article-card';
import { JsonLd } from '@/components/json-ld';
import { getHome, getTags } from '@/lib/content';
import { serverEnv } from '@/lib/env';
import { homeJsonLd } from '@/lib/seo/structured-data';
import { site } from '@/lib/site';
import { tagPath } from '@/lib/urls/paths';

export default async function HomePage() {
  const [{ featured, latest }, tags] = await Promise.all([getHome(), getTags()]);
  return (
    <>
      <JsonLd data={homeJsonLd(serverEnv().SITE_URL)} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      {featured.length > 0 && (
        <section aria-labelledby="top-stories" className="top-stories">
          <h2 id="top-stories" className="section-title">
            Top stories
          </h2>
          <ol className="article-list featured-list">
            {featured.map((article) => (
              <li key={article._id}>
                <ArticleCard article={article} headingLevel={3} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="latest">
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
                <Link href={tagPath(tag.slug)}>
                  {tag.title} <span className="count">({tag.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
