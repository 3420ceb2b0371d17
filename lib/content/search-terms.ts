/*
 * What a reader typed, turned into `match` terms. Pure, so the hostile cases
 * (GROQ syntax, quotes, wildcards, a 1,000-character paste) are tested without
 * a server. The terms only ever travel as a query parameter, never as GROQ text;
 * this step keeps them to what `match` treats as words, so a pattern can neither
 * fail to compile nor turn into an expensive wildcard scan.
 */

import { site } from '../site.ts';
import { parsePageNumber } from '../urls/paths.ts';

/** Characters of the raw query considered at all: a search box, not a document. */
export const MAX_QUERY_LENGTH = site.searchMaxLength;
/** `match` ANDs its terms: more than a few only narrows results to nothing and costs time. */
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 40;

// A word: letters (any script) with their combining marks, and digits.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a query, lower-cased, de-duplicated, capped in length and number. */
export function searchTerms(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  const text = raw
    .slice(0, MAX_QUERY_LENGTH * 2)
    .normalize('NFKC')
    .slice(0, MAX_QUERY_LENGTH)
    .toLocaleLowerCase('en');
  const seen = new Set<string>();
  for (const word of text.match(WORD) ?? []) {
    seen.add(word.slice(0, MAX_TERM_LENGTH));
    if (seen.size === MAX_TERMS) break;
  }
  return [...seen];
}

/** The `match` patterns for terms: each a prefix, so "Tokay" finds "Tokayev". */
export function matchPatterns(terms: string[]): string[] {
  return terms.map((term) => `${term}*`);
}

/** The query as shown back to the reader (in the box and the heading): trimmed and capped. */
export function displayQuery(raw: unknown): string {
  return typeof raw === 'string' ? raw.slice(0, MAX_QUERY_LENGTH).trim() : '';
}

/** `?page=` as a page number; anything odd is page 1. */
export function searchPageNumber(raw: unknown): number {
  return parsePageNumber(typeof raw === 'string' ? raw : null) ?? 1;
}

export type TextPart = { text: string; match: boolean };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits text into plain and matched parts, for `<mark>`: a part matches where a
 * word starts with one of the terms (the same prefix rule as the query).
 * Returns data, not HTML: the page renders it as React elements.
 */
export function highlightParts(text: string, terms: string[]): TextPart[] {
  if (text === '' || terms.length === 0) return text === '' ? [] : [{ text, match: false }];
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives})[\\p{L}\\p{M}\\p{N}]*`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/**
 * About `length` characters of `text` around the first matched word, cut at
 * word boundaries, with ellipses where it was cut. No match: the opening.
 */
export function excerptAround(text: string, terms: string[], length = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const first = highlightParts(clean, terms).find((part) => part.match);
  let start = 0;
  if (first) {
    const at = clean.indexOf(first.text);
    start = Math.max(0, Math.min(at - Math.floor(length / 3), clean.length - length));
  }
  let end = Math.min(clean.length, start + length);
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    start = space === -1 || space > start + 30 ? start : space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    end = space > start + length / 2 ? space : end;
  }
  return `${start > 0 ? '…' : ''}${clean.slice(start, end)}${end < clean.length ? '…' : ''}`;
}
