import type { ArticlePage } from '@/lib/content/article';
import type { LiveBlogPage } from '@/lib/content/live';
import type { Onward } from '@/lib/content/onward';
import { directionOf } from '@/lib/format/direction';
import { Breadcrumbs } from './breadcrumbs';
import { ContentImageFigure } from './content-image';
import { DateTime } from './date-time';
import { JsonLd } from './json-ld';
import { LiveBlog } from './live/live-blog';
import { LiveStatus } from './live/live-status';
import { PortableTextBody } from './portable-text-body';
import { RelatedStories } from './related-stories';
import { SourceLabel } from './source-label';
import { authorPath, liveUpdatesPath, tagPath } from '@/lib/urls/paths';

/** One article as a reader sees it, then where to go next. Needs no client JavaScript. */
export function ArticleView({ article, onward, live }: { article: ArticlePage; onward: Onward; live?: LiveBlogPage | null }) {
  const { headings, updated } = article;
  const headingIds = new Map(headings.map((heading) => [heading.key, heading.id]));
  const leadTag = article.tags[0];
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: 'Home', href: '/' },
          ...(leadTag ? [{ name: leadTag.title, href: tagPath(leadTag.slug) }] : []),
          { name: article.title, lang: article.language },
        ]}
      />
      <article className="article" lang={article.language} dir={directionOf(article.language)}>
        <JsonLd data={live?.jsonLd ?? article.jsonLd} />
        <header className="article-header">
          {article.tags.length > 0 && (
            <ul className="kicker tags" aria-label="Topics">
              {article.tags.map((tag) => (
                <li key={tag._id}>
                  <a href={tagPath(tag.slug)}>{tag.title}</a>
                </li>
              ))}
            </ul>
          )}
          {live && <LiveStatus blog={live} />}
          <h1>{article.title}</h1>
          {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
          <div className="byline">
            {article.authors.length > 0 && (
              <p>
                By{' '}
                {article.authors.map((author, index) => (
                  <span key={author._id}>
                    {index > 0 && (index === article.authors.length - 1 ? ' and ' : ', ')}
                    <a href={authorPath(author.slug)} rel="author">
                      {author.name}
                    </a>
                  </span>
                ))}
              </p>
            )}
            <p className="meta">
              Published <DateTime iso={article.publishedAt} language={article.language} />
              {updated && (
                <>
                  {' · '}Updated <DateTime iso={updated} language={article.language} />
                </>
              )}
              {' · '}
              {article.readingMinutes} min read
            </p>
          </div>
          {article.sources.length > 0 && (
            <div className="sources">
              <h2 className="label">Sources</h2>
              <ul>
                {article.sources.map((source) => (
                  <li key={source._id}>
                    <SourceLabel source={source} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </header>
        <ContentImageFigure image={article.mainImage} sizes="(min-width: 64rem) 56rem, 100vw" priority />
        {headings.length >= 3 && (
          <nav className="toc" aria-labelledby="toc-title">
            <h2 id="toc-title" className="label">
              In this article
            </h2>
            <ol>
              {headings.map((heading) => (
                <li key={heading.id}>
                  <a href={`#${heading.id}`}>{heading.text}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="article-body">
          <PortableTextBody value={article.body} headingIds={headingIds} />
        </div>
        {live && <LiveBlog blog={live} endpoint={liveUpdatesPath(article.slug)} />}
        {article.corrections.length > 0 && (
          <section className="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">Corrections</h2>
            <ul>
              {article.corrections.map((correction, index) => (
                <li key={correction._key ?? index}>
                  <DateTime iso={correction.date} language={article.language} dateOnly />: {correction.text}
                </li>
              ))}
            </ul>
            <p>
              <a href="/corrections-policy">How we correct our journalism</a>
            </p>
          </section>
        )}
      </article>
      <RelatedStories article={article} onward={onward} />
    </>
  );
}
