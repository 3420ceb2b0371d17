import { extname } from 'node:path';
import { parseMarkdownArticle } from './markdown.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { parseWireCopy } from './wire-copy.ts';

/** Chooses the parser by extension: `.md`/`.markdown` is Markdown, anything else wire copy. */
export function parseArticleFile(file: string, text: string): ParsedArticle {
  const extension = extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return parseMarkdownArticle(text, file);
  try {
    return parseWireCopy(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
