import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { LiveBlog } from '@/components/live/live-blog';
import { LiveStatus } from '@/components/live/live-status';
import { getLiveBlog } from '@/lib/content/live';
import { articlePath, listingPagePath, liveUpdatesPath, parsePageNumber } from '@/lib/urls/paths';

type Props = { params: Promise<{ slug: string; n: string }> };

/** Older pages of a live blog render on first request and stay cached like any ISR page. */
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  const blog = page && page > 1 ? await getLiveBlog(slug, page) : null;
  if (!blog) return { title: 'Not found', robots: { index: false } };
  return {
    title: `${blog.title}: earlier updates (page ${blog.page})`,
    alternates: { canonical: listingPagePath(articlePath(slug), blog.page) },
  };
}

export default async function LiveBlogOlderPage({ params }: Props) {
  const { slug, n } = await params;
  const page = parsePageNumber(n);
  if (page === null) notFound();
  if (page === 1) permanentRedirect(articlePath(slug));
  const blog = await getLiveBlog(slug, page);
  if (!blog) notFound();
  return (
    <article className="article live-older" lang={blog.language}>
      <header className="article-header">
        <p className="kicker">
          <a href={articlePath(blog.slug)}>← Back to the latest updates</a>
        </p>
        <LiveStatus blog={blog} />
        <h1>{blog.title}</h1>
      </header>
      <LiveBlog blog={blog} endpoint={liveUpdatesPath(blog.slug)} />
    </article>
  );
}
