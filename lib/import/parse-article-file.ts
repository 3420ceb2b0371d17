import { extname } from 'node:path';
import { parseMarkdownArticle } from './markdown.ts';
import type { ParsedArticle } from './parsed-article.ts';
import { parseWireCopy } from './wire-copy.ts';

/**
 * Chooses the parser by extension: `.md`/`.markdown` is Markdown, anything
 * else wire copy. A file with a headline and nothing under it is refused: it
 * is a fragment (or one long line), not an article.
 */
export function parseArticleFile(file: string, text: string): ParsedArticle {
  const parsed = parseByExtension(file, text);
  if (parsed.body.length === 0) {
    const headline = parsed.title.length > 60 ? `${parsed.title.slice(0, 60)}…` : parsed.title;
    throw new Error(
      `${file}: no body after the headline "${headline}": the first line is the headline, the story follows on the next lines. Nothing was imported.`,
    );
  }
  return parsed;
}

function parseByExtension(file: string, text: string): ParsedArticle {
  const extension = extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return parseMarkdownArticle(text, file);
  try {
    return parseWireCopy(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
