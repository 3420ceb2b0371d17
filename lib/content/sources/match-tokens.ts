/*
 * GROQ's `match` as groq-js runs it, reduced to what an index can store. groq-js splits
 * text into tokens with the two expressions below (copied from its matchTokenize: it
 * does not export them), and tests each pattern as `new RegExp("^" + piece + "$", "i")`
 * with `*` turned into `.*`. A pattern of letters and digits ending in `*` therefore
 * matches a token exactly when the token, case-folded the way a non-unicode `i` regular
 * expression folds it, starts with the folded pattern: the index keeps folded tokens and
 * finds a prefix with a binary search instead of running a regular expression per token.
 * tests/unit/search-index-fold.test.ts checks the fold against the regular expression
 * engine for every UTF-16 code unit.
 */

const CHARS = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g;
const CHARS_WITH_WILDCARD = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g;
const EDGE_CHARS = /(\b\.+|\.+\b)/g;

/** The tokens groq-js's `match` sees in a string. */
export function matchTokens(text: string): string[] {
  return text.replace(EDGE_CHARS, '').match(CHARS) ?? [];
}

/** The pieces groq-js makes of one pattern string (each becomes one regular expression). */
export function patternPieces(pattern: string): string[] {
  return pattern.replace(EDGE_CHARS, '').match(CHARS_WITH_WILDCARD) ?? [];
}

/**
 * ECMAScript's Canonicalize for a non-unicode, ignoreCase expression, per UTF-16 code
 * unit: the upper case when it is one unit, unless that would map a non-ASCII unit to
 * ASCII (so "ſ" does not match "s"). Two units match under `i` when these are equal.
 */
function canonicalTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const upper = String.fromCharCode(unit).toUpperCase();
    const canonical = upper.length === 1 ? upper.charCodeAt(0) : unit;
    table[unit] = unit >= 128 && canonical < 128 ? unit : canonical;
  }
  return table;
}

let table: Uint16Array | undefined;

/** A string as a case-insensitive regular expression compares it, unit by unit. */
export function foldCase(text: string): string {
  table ??= canonicalTable();
  const units = new Uint16Array(text.length);
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    units[i] = table[text.charCodeAt(i)]!;
    if (units[i] !== text.charCodeAt(i)) changed = true;
  }
  if (!changed) return text;
  // In chunks (a token can be a whole pasted page): fromCharCode takes its units as arguments. No decoder: it would replace a lone surrogate.
  let folded = '';
  for (let i = 0; i < units.length; i += 8192) folded += String.fromCharCode(...units.subarray(i, i + 8192));
  return folded;
}

/** A pattern piece the index answers: letters, marks and digits, as a prefix (`clim*`) or a whole token (`climate`). */
export type IndexablePiece = { folded: string; prefix: boolean };

// Nothing here is special in a regular expression, so the piece means what its letters say.
const INDEXABLE = /^[\p{L}\p{M}\p{N}]+\*?$/u;

/** The pieces of `$terms` when the index can answer all of them exactly, else undefined (GROQ runs instead). */
export function indexablePieces(terms: unknown): IndexablePiece[] | undefined {
  const patterns = typeof terms === 'string' ? [terms] : terms;
  if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === 'string')) return undefined;
  const pieces = patterns.flatMap((pattern: string) => patternPieces(pattern));
  if (pieces.length === 0 || !pieces.every((piece) => INDEXABLE.test(piece))) return undefined;
  return pieces.map((piece) => {
    const prefix = piece.endsWith('*');
    return { folded: foldCase(prefix ? piece.slice(0, -1) : piece), prefix };
  });
}
