const ELLIPSIS = '…';
// A period after these is not the end of a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'gen', 'gov', 'sen', 'rep', 'prof', 'e.g', 'i.e', 'etc']);

/**
 * Shortens text for a standfirst, meta description or feed summary: the longest
 * run of whole sentences that fits in `max` characters; failing that, whole
 * words followed by "…". Text that already fits is returned unchanged.
 */
export function summarize(text: string, max = 300): string {
  if (text.length <= max) return text;
  const sentenceEnd = lastSentenceEnd(text, max);
  if (sentenceEnd > 0) return text.slice(0, sentenceEnd);

  // Leave one character for the ellipsis, and drop a word the cut would split.
  const room = text.slice(0, max - 1);
  const wordContinues = /\S/u.test(text.charAt(max - 1));
  const cut = wordContinues ? room.search(/\s\S*$/u) : room.length;
  if (cut <= 0) {
    // One word longer than `max` (a URL, say): the length limit wins.
    return room + ELLIPSIS;
  }
  const head = text.slice(0, cut).replace(/[\s,;:—–-]+$/u, '');
  return head + ELLIPSIS;
}

/** Index just after the last sentence end (". ", "?” ") at or before `max`. */
function lastSentenceEnd(text: string, max: number): number {
  const pattern = /[.!?…]["'”’)\]]*(?=\s)/gu;
  let best = 0;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (end > max) break;
    if (match[0].startsWith('.') && isAbbreviation(text.slice(0, match.index))) continue;
    best = end;
  }
  return best;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  // "U.S", "E.U": initials joined by dots; a single capital initial.
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
