import { site } from '../site.ts';

/**
 * Dates as readers see them: absolute, in the site's display time zone, with the
 * zone named. Cached HTML must never say "3 hours ago".
 */
export function formatDateTime(iso: string, language: string = site.language, timeZone: string = site.timeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

export function formatDate(iso: string, language: string = site.language, timeZone: string = site.timeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(date);
}

/** "Updated …" is shown only when the update is really later than publication. */
export function isLaterThan(later: string | undefined, earlier: string): boolean {
  if (!later) return false;
  return new Date(later).getTime() > new Date(earlier).getTime();
}
