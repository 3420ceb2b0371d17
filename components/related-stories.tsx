import type { ArticleCard, SourceRef, TagRef } from '@/lib/content/shapes';
import type { Onward } from '@/lib/content/onward';
import { directionOf } from '@/lib/format/direction';
import { DateTime } from './date-time';
import { sourcePath } from '@/lib/urls/paths';

function StoryList({ articles }: { articles: ArticleCard[] }) {
  return (
    <ul className="story-list">
      {articles.map((article) => (
        <li key={article._id} lang={article.language} dir={directionOf(article.language)}>
          <h3 className="story-title">
            <a href={article.path}>{article.title}</a>
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
 * the previous and next story under its lead tag. Plain links, no client JavaScript.
 */
export function RelatedStories({ article, onward }: { article: { tags: TagRef[]; sources: SourceRef[] }; onward: Onward }) {
  const { related, fromSource, previous, next } = onward;
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
            <a href={sourcePath(leadSource.slug)}>All stories from {leadSource.name}</a>
          </p>
        </section>
      )}
      {leadTag && (previous || next) && (
        <nav className="prev-next" aria-label={`More in ${leadTag.title}`}>
          {previous && (
            <p className="prev">
              <span className="label">Previous in {leadTag.title}</span>
              <a href={previous.path} rel="prev" lang={previous.language}>
                {previous.title}
              </a>
            </p>
          )}
          {next && (
            <p className="next">
              <span className="label">Next in {leadTag.title}</span>
              <a href={next.path} rel="next" lang={next.language}>
                {next.title}
              </a>
            </p>
          )}
        </nav>
      )}
    </aside>
  );
}
