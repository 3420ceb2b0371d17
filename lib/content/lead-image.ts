import { serverEnv } from '../env.ts';
import { inlineMediaImage } from '../images/inline-image.ts';
import { leadImageCard } from '../images/lead.ts';
import { embeddedMediaFolders } from '../images/media-file.ts';
import type { ArticleCard, ContentImage } from './shapes.ts';

/*
 * The page's lead image with its phone-size picture inside the page when that is small
 * (lib/images/inline-image.ts). The embedded dataset's files only: with Sanity the picture
 * comes from its CDN, and a page render does not fetch it.
 */

export async function withInlinePicture<T extends ContentImage | null | undefined>(image: T): Promise<T> {
  if (!image?.asset?.url) return image;
  const folders = embeddedMediaFolders(serverEnv());
  if (!folders) return image;
  const inline = await inlineMediaImage(image.asset.url, folders);
  return inline ? ({ ...image, inline } as T) : image;
}

/**
 * The cards with the lead one (leadImageCard) marked `lead`, its picture inlined: the page loads
 * that picture first (components/article-card.tsx). None is marked when no card shows a picture.
 */
export async function withInlineLead(cards: ArticleCard[]): Promise<ArticleCard[]> {
  const lead = leadImageCard(cards);
  if (!lead) return cards;
  return Promise.all(cards.map(async (card) => (card._id === lead ? { ...card, lead: true, mainImage: await withInlinePicture(card.mainImage) } : card)));
}
