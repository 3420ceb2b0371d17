import type { ArticleCard as Card } from '@/lib/content/shapes';
import { ArticleCard } from '../article-card';

/** Running live blogs an editor featured: above the top stories on the home page. */
export function LiveNow({ blogs }: { blogs: Card[] }) {
  if (blogs.length === 0) return null;
  return (
    <section aria-labelledby="live-now" className="live-now">
      <h2 id="live-now" className="section-title">
        Live now
      </h2>
      <ol className="article-list featured-list">
        {blogs.map((blog) => (
          <li key={blog._id}>
            <ArticleCard article={blog} headingLevel={3} />
          </li>
        ))}
      </ol>
    </section>
  );
}
