import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { getArticle, getArticleRedirect, getRecentArticleSlugs } from '@/lib/content';
import type { Perspective } from '@/lib/content/perspective';
import { articleSummary } from '@/lib/content/summary';
import { site } from '@/lib/site';
import { DraftBanner } from '@/components/draft-banner';
import { articlePath } from '@/lib/urls/paths';
import { modifiedAt } from '@/lib/seo/modified';

type Props = { params: Promise<{ slug: string }> };

/** The most recent articles are built ahead; the archive renders on first request and is cached. */
export async function generateStaticParams() {
  const slugs = await getRecentArticleSlugs(50);
  return slugs.map((slug) => ({ slug }));
}

/** Read outside the cached getters: draft mode is per request, the perspective is part of the cache key. */
async function perspectiveOfRequest(): Promise<Perspective> {
  return (await draftMode()).isEnabled ? 'drafts' : 'published';
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const perspective = await perspectiveOfRequest();
  const article = await getArticle(slug, perspective);
  if (!article) return { title: 'Not found', robots: { index: false } };
  const description = articleSummary(article);
  return {
    // A draft preview must never be indexed.
    ...(perspective === 'drafts' ? { robots: { index: false, follow: false } } : {}),
    title: article.title,
    description,
    alternates: { canonical: articlePath(article.slug) },
    // A page's openGraph replaces the layout's, so the site name and URL are repeated here.
    openGraph: {
      type: 'article',
      siteName: site.name,
      url: articlePath(article.slug),
      title: article.title,
      description,
      publishedTime: article.publishedAt,
      modifiedTime: modifiedAt(article),
      tags: article.tags.map((tag) => tag.title),
      locale: article.language,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const perspective = await perspectiveOfRequest();
  const article = await getArticle(slug, perspective);
  if (!article) {
    const current = await getArticleRedirect(slug, perspective);
    if (current && current !== slug) permanentRedirect(articlePath(current));
    notFound();
  }
  if (perspective === 'drafts') {
    return (
      <>
        <DraftBanner returnTo={articlePath(article.slug)} />
        <ArticleView article={article} />
      </>
    );
  }
  return <ArticleView article={article} />;
}
