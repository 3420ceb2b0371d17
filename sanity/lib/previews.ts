/**
 * What the Studio's document lists show for each type. Pure, so the lists an
 * editor scans can be tested without rendering the Studio.
 */
import type { PreviewValue } from 'sanity';

type Media = PreviewValue['media'];

export interface PreviewResult {
  title: string;
  subtitle?: string;
  media?: Media;
}

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  // UTC, the site's display zone, so the list agrees with the page.
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

export function articlePreview(selection: { title?: string; publishedAt?: string; tag?: string; media?: Media }, now: Date = new Date()): PreviewResult {
  const date = formatDate(selection.publishedAt);
  const scheduled = selection.publishedAt !== undefined && Date.parse(selection.publishedAt) > now.getTime();
  const when = date ? (scheduled ? `Scheduled ${date}` : date) : 'No publish date';
  return {
    title: selection.title || 'Untitled article',
    subtitle: [when, selection.tag].filter(Boolean).join(' · '),
    media: selection.media,
  };
}

export function sourcePreview(selection: { name?: string; kind?: string; stateAffiliated?: boolean }): PreviewResult {
  const parts = [selection.kind, selection.stateAffiliated ? 'state-affiliated' : undefined].filter(Boolean);
  return { title: selection.name || 'Unnamed source', subtitle: parts.length ? parts.join(' · ') : undefined };
}

export function authorPreview(selection: { name?: string; role?: string; media?: Media }): PreviewResult {
  return { title: selection.name || 'Unnamed author', subtitle: selection.role || undefined };
}
