import Link from 'next/link';
import type { ArticleCard as Card } from '@/lib/content/shapes';
import { directionOf } from '@/lib/format/direction';
import { ContentImageFigure } from './content-image';
import { DateTime } from './date-time';
import { tagPath } from '@/lib/urls/paths';

export function ArticleCard({ article, headingLevel = 2 }: { article: Card; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const leadTag = article.tags[0];
  const { summary } = article;
  return (
    <article className="card" lang={article.language} dir={directionOf(article.language)}>
      <ContentImageFigure image={article.mainImage} sizes="(min-width: 64rem) 30rem, (min-width: 40rem) 50vw, 100vw" caption={false} className="card-image" />
      {leadTag && (
        <p className="kicker">
          <Link href={tagPath(leadTag.slug)}>{leadTag.title}</Link>
        </p>
      )}
      <Heading className="card-title">
        <Link href={article.path}>{article.title}</Link>
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
          <ArticleCard article={article} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
