import type { ArticleCard as Card } from '@/lib/content/shapes';
import { directionOf } from '@/lib/format/direction';
import { ContentImageFigure } from './content-image';
import { DateTime } from './date-time';
import { LiveCardBadge } from './live/live-status';
import { tagPath } from '@/lib/urls/paths';

export function ArticleCard({ article, headingLevel = 2, priority = false }: { article: Card; headingLevel?: 2 | 3; priority?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const leadTag = article.tags[0];
  const { summary } = article;
  return (
    <article className="card" lang={article.language} dir={directionOf(article.language)}>
      <ContentImageFigure
        image={article.mainImage}
        sizes="(min-width: 64rem) 30rem, (min-width: 40rem) 50vw, 100vw"
        caption={false}
        className="card-image"
        priority={priority}
      />
      {leadTag && (
        <p className="kicker">
          <a href={tagPath(leadTag.slug)}>{leadTag.title}</a>
        </p>
      )}
      <LiveCardBadge coverage={article.coverage} latestAt={article.liveUpdatedAt} language={article.language} />
      <Heading className="card-title">
        <a href={article.path}>{article.title}</a>
      </Heading>
      {summary && <p className="card-summary">{summary}</p>}
      <p className="meta">
        <DateTime iso={article.publishedAt} language={article.language} />
        {article.sources[0] && <span> · {article.sources[0].name}</span>}
      </p>
    </article>
  );
}

export function ArticleList({ articles, headingLevel = 2, label }: { articles: Card[]; headingLevel?: 2 | 3; label?: string }) {
  if (articles.length === 0) return <p className="empty">No articles yet.</p>;
  return (
    <ol className="article-list" aria-label={label}>
      {articles.map((article) => (
        <li key={article._id}>
          <ArticleCard article={article} headingLevel={headingLevel} priority={article.lead === true} />
        </li>
      ))}
    </ol>
  );
}
