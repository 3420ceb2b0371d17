/*
 * Which card's picture is a page's lead image: the first card that shows one. It is the
 * largest thing a phone reader sees first, so it loads first (components/content-image.tsx),
 * and the data layer may put it inside the page (lib/content/lead-image.ts). One rule for both.
 */

type CardWithImage = { _id: string; mainImage?: { alt?: string | null; asset?: { url?: string } | null } | null };

export function leadImageCard(articles: readonly CardWithImage[]): string | undefined {
  return articles.find((article) => article.mainImage?.asset?.url && article.mainImage.alt)?._id;
}
