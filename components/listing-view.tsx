import type { ReactNode } from 'react';
import type { ArticleCard } from '@/lib/content';
import { ArticleList } from './article-card';
import { Pagination, pageHref } from './pagination';
import { articleCount } from './source-label';

type Props = {
  kicker: string;
  title: string;
  intro?: ReactNode;
  articles: ArticleCard[];
  total: number;
  page: number;
  pageCount: number;
  base: string;
  feedHref?: string;
};

/** A tag, source or author page: who or what it is, then its articles, newest first. */
export function ListingView({ kicker, title, intro, articles, total, page, pageCount, base, feedHref }: Props) {
  return (
    <>
      <header className="listing-header">
        <p className="kicker">{kicker}</p>
        <h1>
          {title}
          {page > 1 && <span className="page-number"> (page {page})</span>}
        </h1>
        {intro}
        <p className="meta">
          {articleCount(total)}
          {feedHref && (
            <>
              {' · '}
              <a href={feedHref}>Follow via RSS</a>
            </>
          )}
        </p>
      </header>
      <ArticleList articles={articles} label={`Articles: ${title}`} />
      <Pagination page={page} pageCount={pageCount} hrefFor={(n) => pageHref(base, n)} />
    </>
  );
}
