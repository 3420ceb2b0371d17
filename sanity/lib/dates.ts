/** True unless both are valid dates and `later` is strictly before `earlier`. */
export function isNotBefore(later: string | null | undefined, earlier: string | null | undefined): boolean {
  if (!later || !earlier) return true;
  const a = Date.parse(later);
  const b = Date.parse(earlier);
  if (Number.isNaN(a) || Number.isNaN(b)) return true;
  return a >= b;
}
