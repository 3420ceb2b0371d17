import { extname } from 'node:path';
import { textBlock } from '../portable-text/blocks.ts';
import { deterministicKey } from '../portable-text/keys.ts';
import type { PortableTextBlock } from '../portable-text/types.ts';
import { readFrontMatter } from './front-matter.ts';
import { parseMarkdownArticle } from './markdown.ts';
import { parseWireCopy } from './wire-copy.ts';

export type ParsedLiveUpdate = {
  body: PortableTextBlock[];
  title?: string;
  publishedAt?: string;
  authors?: string[];
};

// Front-matter keys that mean something for an update; the article-only ones are refused.
const UPDATE_KEYS = new Set(['title', 'published', 'author', 'authors']);

/**
 * The body of a live update, by the importer's own rules: Markdown (`.md`,
 * `.markdown`, or `--format md`) with optional front matter (title, published,
 * authors) and an optional leading `# Title`; anything else is wire copy, all
 * of it body (no headline line: an update's title comes from `--title`), with
 * its bullets and subheadings, and a `— Source` sign-off kept as the last line.
 *
 * Both parsers expect a headline first, so the update's id is put in front as
 * one; it only seeds the deterministic block keys and is never kept.
 */
export function parseLiveUpdateText(file: string, text: string, seed: string, format?: 'md' | 'txt'): ParsedLiveUpdate {
  const extension = extname(file).toLowerCase();
  const markdown = format ? format === 'md' : extension === '.md' || extension === '.markdown';
  const parsed = markdown ? parseMarkdownUpdate(file, text, seed) : parseWireUpdate(file, text, seed);
  if (parsed.body.length === 0) throw new Error(`${file}: the update has no text: write its body (a title alone is not an update).`);
  return parsed;
}

function parseWireUpdate(file: string, text: string, seed: string): ParsedLiveUpdate {
  // With the seed as its own paragraph the wire-copy rule that joins wrapped
  // lines sees the same paragraphs as in the file; without blank lines, the
  // seed is one more line and every line stays its own paragraph, as in the file.
  const clean = text.replace(/^\uFEFF/u, '').trim();
  const separated = /\n[ \t]*\n/u.test(clean.replace(/\r\n?/gu, '\n'));
  let wire;
  try {
    wire = parseWireCopy(`${seed}${separated ? '\n\n' : '\n'}${clean}`);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const body = [...wire.body];
  if (wire.sourceName !== undefined) body.push(textBlock(`— ${wire.sourceName}`, 'normal', deterministicKey(seed, 'sign-off')));
  return { body };
}

function parseMarkdownUpdate(file: string, text: string, seed: string): ParsedLiveUpdate {
  const { data, body } = readFrontMatter(text, file);
  const raw = frontMatterKeys(text);
  const unknown = raw.filter((key) => !UPDATE_KEYS.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `${file}: front matter field(s) ${unknown.map((key) => `"${key}"`).join(', ')} do not apply to a live update (use title, published, authors).`,
    );
  }
  const titled = data.title !== undefined || /^\s*# /u.test(body);
  // A title of its own when the file has one; else the seed stands in as the headline.
  const article = parseMarkdownArticle(titled ? text : `# ${seed}\n\n${body}`, file);
  const parsed: ParsedLiveUpdate = { body: article.body };
  if (titled) parsed.title = article.title;
  if (data.published !== undefined) parsed.publishedAt = data.published;
  if (data.authors !== undefined) parsed.authors = data.authors;
  return parsed;
}

function frontMatterKeys(text: string): string[] {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/u.exec(text);
  if (!match) return [];
  return [...(match[1] ?? '').matchAll(/^([A-Za-z_][\w-]*)\s*:/gmu)].map((found) => found[1]!);
}
