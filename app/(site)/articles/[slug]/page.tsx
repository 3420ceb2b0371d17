import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { DraftBanner } from '@/components/draft-banner';
import { getArticle, getRecentArticleSlugs } from '@/lib/content/article';
import { getLiveBlog } from '@/lib/content/live';
import { getOnward } from '@/lib/content/onward';
import type { Perspective } from '@/lib/content/perspective';
import { site } from '@/lib/site';
import { articlePath, liveFeedPath } from '@/lib/urls/paths';

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
  const page = await getArticle(slug, perspective);
  if (page?.kind !== 'article') return { title: 'Not found', robots: { index: false } };
  const { article } = page;
  return {
    // A draft preview must never be indexed.
    ...(perspective === 'drafts' ? { robots: { index: false, follow: false } } : {}),
    title: article.title,
    description: article.summary,
    alternates: {
      canonical: article.path,
      // A live blog's own feed of updates, next to the site's feeds (which the layout links).
      ...(article.coverage ? { types: { 'application/rss+xml': [{ url: liveFeedPath(article.slug), title: `${article.title}: live updates` }] } } : {}),
    },
    // A page's openGraph replaces the layout's, so the site name and URL are repeated here.
    openGraph: {
      type: 'article',
      siteName: site.name,
      url: article.path,
      title: article.title,
      description: article.summary,
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt,
      tags: article.tags.map((tag) => tag.title),
      locale: article.language,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const perspective = await perspectiveOfRequest();
  const page = await getArticle(slug, perspective);
  if (page?.kind === 'redirect') permanentRedirect(articlePath(page.slug));
  if (!page) notFound();
  const { article } = page;
  // A live blog's updates are their own feature; drafts preview the article only.
  const live = article.coverage && perspective === 'published' ? await getLiveBlog(article.slug) : null;
  const view = <ArticleView article={article} onward={await getOnward(article.onwardFrom)} live={live} />;
  if (perspective === 'drafts') {
    return (
      <>
        <DraftBanner returnTo={article.path} />
        {view}
      </>
    );
  }
  return view;
}
