import type { RawDocument } from '../../dataset/ndjson.ts';
import type { IndexablePiece } from './match-tokens.ts';
import { clockHolds } from './static-filter.ts';
import type { TextIndex } from './text-index.ts';

/*
 * A search over a text index (text-index.ts): what `*[filter && fields match $terms]
 * | score(…) | order(_score desc, key desc) [start...end]` returns, with the counts of
 * the tokens each pattern covers instead of a regular expression per token.
 */

/** The first token not before `text`. */
function lowerBound(tokens: string[], text: string): number {
  let [low, high] = [0, tokens.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]! < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The postings of every token a piece matches: one token, or the run of tokens with its prefix. */
function postingsOf(index: TextIndex, piece: IndexablePiece): Int32Array[] {
  const found: Int32Array[] = [];
  for (let i = lowerBound(index.tokens, piece.folded); i < index.tokens.length; i++) {
    const token = index.tokens[i]!;
    if (piece.prefix ? !token.startsWith(piece.folded) : token !== piece.folded) break;
    found.push(index.postings[i]!);
  }
  return found;
}

/** groq-js's weight of one pattern in one text: freq·2.2 / (freq + 1.2), freq the tokens it matches. */
const termScore = (freq: number) => (freq * 2.2) / (freq + 1.2);

/** Per document and field, the sum of term weights, added pattern by pattern as groq-js adds them; and per document, how many patterns it matched. */
function fieldScores(index: TextIndex, pieces: IndexablePiece[]) {
  const { docs, fieldCount } = index;
  const scores = new Float64Array(docs.length * fieldCount);
  const matched = new Uint32Array(docs.length);
  const freq = new Int32Array(docs.length * fieldCount);
  for (const [p, piece] of pieces.entries()) {
    const touched: number[] = [];
    for (const list of postingsOf(index, piece)) {
      for (let i = 0; i < list.length; i += 3) {
        const doc = list[i]!;
        const at = doc * fieldCount + list[i + 1]!;
        if (freq[at] === 0) touched.push(at);
        freq[at] = freq[at]! + list[i + 2]!;
        // Once per pattern, however many of its tokens and fields the document holds; only after all earlier ones.
        if (matched[doc] === p) matched[doc] = p + 1;
      }
    }
    for (const at of touched) {
      scores[at] = scores[at]! + termScore(freq[at]!);
      freq[at] = 0;
    }
  }
  return { scores, matched };
}

export type RankedPage = { total: number; page: { doc: RawDocument; score: number }[] };

/** The matches every piece finds (in any field) whose clock terms hold at `now`: how many, and those from `start` to `end`, best first. */
export function rankMatches(index: TextIndex, pieces: IndexablePiece[], now: number, start: number, end: number): RankedPage {
  const { docs, fieldCount, spec, clocks, ownScores, tieRanks } = index;
  const { scores: perField, matched } = fieldScores(index, pieces);
  const found = new Int32Array(docs.length);
  const scores = new Float64Array(docs.length);
  let total = 0;
  for (let doc = 0; doc < docs.length; doc++) {
    if (matched[doc] !== pieces.length) continue;
    if (!spec.clocks.every(({ op }, c) => clockHolds(clocks[c]![doc]!, op, now))) continue;
    // score() starts from the document's own `_score` and adds each argument in turn; a boost counts only a match.
    let score = ownScores[doc]!;
    for (let field = 0; field < fieldCount; field++) {
      const inner = perField[doc * fieldCount + field]!;
      const boost = spec.boosts[field]!;
      score += boost === null ? inner : inner > 0 ? inner + boost : 0;
    }
    scores[doc] = score;
    found[total++] = doc;
  }
  const ranked = found.subarray(0, total).sort((a, b) => scores[b]! - scores[a]! || tieRanks[a]! - tieRanks[b]!);
  return { total, page: [...ranked.subarray(start, Math.max(start, end))].map((doc) => ({ doc: docs[doc]!, score: scores[doc]! })) };
}
