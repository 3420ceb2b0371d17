import { site } from '../site.ts';

/**
 * Dates as readers see them: absolute, in the site's display time zone, with the
 * zone named. Cached HTML must never say "3 hours ago".
 */
function formatWithZone(iso: string, parts: Intl.DateTimeFormatOptions, language: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
  return new Intl.DateTimeFormat(language, { ...parts, hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
}

/** "November 25, 2026 at 7:50 PM UTC": publication and update times. */
export function formatDateTime(iso: string, language: string = site.language, timeZone: string = site.timeZone): string {
  return formatWithZone(iso, { year: 'numeric', month: 'long', day: 'numeric' }, language, timeZone);
}

/**
 * "Nov 25, 7:50 PM UTC": a live update's time. A live blog may run over several days, so the
 * day stays, without the year.
 */
export function liveTimeLabel(iso: string, language: string = site.language, timeZone: string = site.timeZone): string {
  return formatWithZone(iso, { month: 'short', day: 'numeric' }, language, timeZone);
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
