/**
 * Outlets whose kind is known when a sign-off names one that is not in the
 * dataset yet; any other new source is created as kind "other" for an editor
 * to classify.
 */
const KNOWN: Record<string, { kind: string; url?: string }> = {
  nextminutenews: { kind: 'online', url: 'https://nextminutenews.example' },
  reuters: { kind: 'wire', url: 'https://www.reuters.com' },
  'associated press': { kind: 'wire', url: 'https://apnews.com' },
  ap: { kind: 'wire', url: 'https://apnews.com' },
  afp: { kind: 'wire', url: 'https://www.afp.com' },
  'agence france-presse': { kind: 'wire', url: 'https://www.afp.com' },
  bbc: { kind: 'broadcaster', url: 'https://www.bbc.com' },
  'bbc news': { kind: 'broadcaster', url: 'https://www.bbc.com' },
};

export function knownSource(name: string): { kind: string; url?: string } | undefined {
  return KNOWN[name.trim().toLowerCase()];
}
