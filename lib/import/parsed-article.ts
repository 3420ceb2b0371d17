import type { PortableTextBlock } from '../portable-text/types.ts';

export type Correction = { date: string; text: string };

/**
 * What a parser got out of a file, before it meets the dataset. Wire copy fills
 * only `title`, `body` and `sourceName`; Markdown front matter may fill the rest.
 */
export type ParsedArticle = {
  title: string;
  body: PortableTextBlock[];
  /** The sign-off line's outlet name ("— NextMinuteNews"). */
  sourceName?: string;
  slug?: string;
  standfirst?: string;
  publishedAt?: string;
  updatedAt?: string;
  tags?: string[];
  sources?: string[];
  authors?: string[];
  featured?: boolean;
  language?: string;
  corrections?: Correction[];
};
