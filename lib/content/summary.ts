import { summarize } from '../portable-text/index.ts';
import type { ArticleCard } from './schemas.ts';

/** The standfirst, or with none the lede cut at a sentence or word boundary within 300 characters. */
export function articleSummary(article: Pick<ArticleCard, 'standfirst' | 'lede'>): string | undefined {
  if (article.standfirst) return article.standfirst;
  return article.lede ? summarize(article.lede, 300) : undefined;
}
