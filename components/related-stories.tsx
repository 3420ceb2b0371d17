import Link from 'next/link';
import type { Article, ArticleCard } from '@/lib/content';
import { getOnward, onwardFrom } from '@/lib/content/related';
import { directionOf } from '@/lib/format/direction';
import { DateTime } from './date-time';
import { articlePath, sourcePath } from '@/lib/urls/paths';

function StoryList({ articles }: { articles: ArticleCard[] }) {
  return (
    <ul className="story-list">
      {articles.map((article) => (
        <li key={article._id} lang={article.language} dir={directionOf(article.language)}>
          <h3 className="story-title">
            <Link href={articlePath(article.slug)}>{article.title}</Link>
          </h3>
          <p className="meta">
            <DateTime iso={article.publishedAt} language={article.language} dateOnly />
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where to go after an article: related stories, more from its lead source and
 * the previous and next story under its lead tag. A server component: plain links.
 */
export async function RelatedStories({ article }: { article: Article }) {
  const { related, fromSource, previous, next } = await getOnward(onwardFrom(article));
  const leadSource = article.sources[0];
  const leadTag = article.tags[0];
  if (related.length === 0 && fromSource.length === 0 && !previous && !next) return null;
  return (
    <aside className="onward" aria-label="Further reading">
      {related.length > 0 && (
        <section aria-labelledby="related-title">
          <h2 id="related-title" className="section-title">
            Related stories
          </h2>
          <StoryList articles={related} />
        </section>
      )}
      {leadSource && fromSource.length > 0 && (
        <section aria-labelledby="from-source-title">
          <h2 id="from-source-title" className="section-title">
            More from {leadSource.name}
          </h2>
          <StoryList articles={fromSource} />
          <p className="more-link">
            <Link href={sourcePath(leadSource.slug)}>All stories from {leadSource.name}</Link>
          </p>
        </section>
      )}
      {leadTag && (previous || next) && (
        <nav className="prev-next" aria-label={`More in ${leadTag.title}`}>
          {previous && (
            <p className="prev">
              <span className="label">Previous in {leadTag.title}</span>
              <Link href={articlePath(previous.slug)} rel="prev" lang={previous.language}>
                {previous.title}
              </Link>
            </p>
          )}
          {next && (
            <p className="next">
              <span className="label">Next in {leadTag.title}</span>
              <Link href={articlePath(next.slug)} rel="next" lang={next.language}>
                {next.title}
              </Link>
            </p>
          )}
        </nav>
      )}
    </aside>
  );
}
