import type { ArticleCard as Card } from '@/lib/content/shapes';
import { ArticleCard } from './article-card';

/**
 * A titled band of large cards on the home page: "Live now" (running live blogs an editor
 * featured) and "Top stories". Nothing at all when it has no article.
 */
export function FeaturedSection({ id, title, articles, className }: { id: string; title: string; articles: Card[]; className: string }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <ol className="article-list featured-list">
        {articles.map((article) => (
          <li key={article._id}>
            <ArticleCard article={article} headingLevel={3} priority={article.lead === true} />
          </li>
        ))}
      </ol>
    </section>
  );
}
