import { toPlainText } from './plain-text.ts';

const WORDS_PER_MINUTE = 230;

/** Estimated reading time in whole minutes, never less than 1. */
export function readingMinutes(blocks: unknown): number {
  const words = toPlainText(blocks).split(/\s+/u).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
