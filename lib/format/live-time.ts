import { site } from '../site.ts';

/**
 * The time an update was posted, as the live page shows it: day, month and
 * time with the zone named ("Nov 25, 7:50 PM UTC"). A live blog may run over
 * several days, so the day stays; cached HTML never says "5 minutes ago".
 */
export function liveTimeLabel(iso: string, language: string = site.language, timeZone: string = site.timeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
