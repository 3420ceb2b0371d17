import { summarize } from '../portable-text/index.ts';

/** The standfirst, or with none the lede cut at a sentence or word boundary within 300 characters. */
export function articleSummary(article: { standfirst?: string; lede?: string }): string | undefined {
  if (article.standfirst) return article.standfirst;
  return article.lede ? summarize(article.lede, 300) : undefined;
}
