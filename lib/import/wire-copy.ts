import { textBlock } from '../portable-text/blocks.ts';
import { deterministicKey } from '../portable-text/keys.ts';
import type { PortableTextBlock } from '../portable-text/types.ts';
import { isHeadingLine } from './heading-rule.ts';

export type WireCopy = { title: string; body: PortableTextBlock[]; sourceName?: string };

const BULLET = /^[-–•*] /u;
const SIGN_OFF = /^(?:—|--)\s*/u;

/**
 * Parses plain wire copy: first line the headline, an optional "— Outlet"
 * sign-off as the last line, bullet lines, title-case subheadings (h2), and
 * everything else as paragraphs. Text is kept exactly as written.
 */
export function parseWireCopy(text: string): WireCopy {
  const lines = logicalLines(text);
  const headline = lines.shift();
  if (headline === undefined) throw new Error('The wire copy is empty: expected a headline on the first line.');

  let sourceName: string | undefined;
  const last = lines.at(-1);
  if (last !== undefined && SIGN_OFF.test(last)) {
    const name = last.replace(SIGN_OFF, '').trim();
    if (name !== '') {
      sourceName = name;
      lines.pop();
    }
  }

  const body = lines.map((line, index): PortableTextBlock => {
    const key = deterministicKey(headline, index);
    if (BULLET.test(line)) return textBlock(line.replace(BULLET, '').trim(), 'normal', key, 'bullet');
    if (isHeadingLine(line)) return textBlock(line, 'h2', key);
    return textBlock(line, 'normal', key);
  });

  const result: WireCopy = { title: headline, body };
  if (sourceName !== undefined) result.sourceName = sourceName;
  return result;
}

/**
 * The non-blank lines of the copy, trimmed. When the file separates paragraphs
 * by blank lines and wraps lines inside them, each paragraph's lines are first
 * joined with a space (a new bullet or the sign-off still starts a new line).
 */
function logicalLines(text: string): string[] {
  const raw = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim());
  const groups: string[][] = [[]];
  for (const line of raw) {
    if (line === '') {
      if (groups.at(-1)!.length > 0) groups.push([]);
    } else {
      groups.at(-1)!.push(line);
    }
  }
  const paragraphs = groups.filter((group) => group.length > 0);
  const blankSeparated = paragraphs.length > 1 && paragraphs.some((group) => group.length > 1);
  if (!blankSeparated) return paragraphs.flat();

  const lines: string[] = [];
  for (const group of paragraphs) {
    let current: string | undefined;
    for (const [index, line] of group.entries()) {
      const isSignOff = group === paragraphs.at(-1) && index === group.length - 1 && SIGN_OFF.test(line);
      if (current === undefined || BULLET.test(line) || isSignOff) {
        if (current !== undefined) lines.push(current);
        current = line;
      } else {
        current = `${current} ${line}`;
      }
    }
    if (current !== undefined) lines.push(current);
  }
  return lines;
}
