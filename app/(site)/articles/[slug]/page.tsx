import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { getArticle, getArticleRedirect, getRecentArticleSlugs } from '@/lib/content';
import { articleSummary } from '@/lib/content/summary';

type Props = { params: Promise<{ slug: string }> };

/** The most recent articles are built ahead; the archive renders on first request and is cached. */
export async function generateStaticParams() {
  const slugs = await getRecentArticleSlugs(50);
  return slugs.map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) return { title: 'Not found', robots: { index: false } };
  const description = articleSummary(article);
  return {
    title: article.title,
    description,
    alternates: { canonical: `/articles/${article.slug}` },
    openGraph: {
      type: 'article',
      title: article.title,
      description,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt ?? article.publishedAt,
      tags: article.tags.map((tag) => tag.title),
      locale: article.language,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) {
    const current = await getArticleRedirect(slug);
    if (current && current !== slug) permanentRedirect(`/articles/${encodeURIComponent(current)}`);
    notFound();
  }
  return <ArticleView article={article} />;
}
