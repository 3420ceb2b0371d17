import { contentSourceFrom, mediaCacheFolder, serverEnv } from '../env.ts';
import { inlineMediaImage } from '../images/inline-image.ts';
import { leadImageCard } from '../images/lead.ts';
import { datasetImagesFolder } from '../images/media-file.ts';
import type { ArticleCard, ContentImage } from './shapes.ts';

/*
 * The page's lead image with its phone-size picture inside the page when that is small
 * (lib/images/inline-image.ts). The embedded dataset's files only: with Sanity the picture
 * comes from its CDN, and a page render does not fetch it.
 */

export async function withInlinePicture<T extends ContentImage | null | undefined>(image: T): Promise<T> {
  if (!image?.asset?.url) return image;
  const env = serverEnv();
  const config = contentSourceFrom(env);
  if (config.kind !== 'embedded') return image;
  let imagesFolder: string;
  try {
    imagesFolder = datasetImagesFolder(config.datasetPath);
  } catch {
    return image;
  }
  const inline = await inlineMediaImage(image.asset.url, { imagesFolder, cacheDir: mediaCacheFolder(env) });
  return inline ? ({ ...image, inline } as T) : image;
}

/** The cards, the lead one's picture inlined (the card leadImageCard picks, as the page does). */
export async function withInlineLead(cards: ArticleCard[]): Promise<ArticleCard[]> {
  const lead = leadImageCard(cards);
  if (!lead) return cards;
  return Promise.all(cards.map(async (card) => (card._id === lead ? { ...card, mainImage: await withInlinePicture(card.mainImage) } : card)));
}
