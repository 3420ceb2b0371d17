import type { BreakingNews } from '@/lib/content/site-settings';

/**
 * The breaking-news band under the masthead on every reader page. A labelled
 * region, so screen-reader users can find it and skip it; the text itself is
 * the link, so the link says where it goes.
 */
export function BreakingNewsBanner({ news }: { news: BreakingNews | null }) {
  if (!news) return null;
  return (
    <section className="breaking-news" aria-label="Breaking news">
      <p>
        <span className="breaking-news-label">Breaking</span> {news.path ? <a href={news.path}>{news.text}</a> : news.text}
      </p>
    </section>
  );
}
