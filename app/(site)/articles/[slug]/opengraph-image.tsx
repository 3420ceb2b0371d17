import { getArticle } from '@/lib/content/article';
import { articleOgImage, OG_SIZE } from '@/lib/og/article-image';
import { site } from '@/lib/site';

export const alt = `${site.name}: headline card`;
export const size = OG_SIZE;
export const contentType = 'image/png';

type Props = { params: Promise<{ slug: string }> };

/** The article's Open Graph and Twitter card: its headline and lead tag. */
export default async function OpenGraphImage({ params }: Props) {
  const page = await getArticle((await params).slug);
  if (page?.kind !== 'article') return new Response('Not found', { status: 404 });
  const { article } = page;
  return articleOgImage({ title: article.title, tag: article.tags[0]?.title });
}
