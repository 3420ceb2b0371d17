/**
 * Rules for live coverage (article.coverage and its bounds, liveUpdate),
 * pure so they are tested without the Studio. Each returns true or the
 * message an editor sees.
 */
import { isNotBefore } from './dates.ts';

export const COVERAGE_VALUES = ['live', 'ended'] as const;
export type Coverage = (typeof COVERAGE_VALUES)[number];

type CoverageFields = { coverage?: string; coverageStartedAt?: string; coverageEndedAt?: string };

export function coverageStartRule(doc: CoverageFields | undefined): true | string {
  if (doc?.coverage && !doc.coverageStartedAt) return 'Set when the live coverage started.';
  return true;
}

export function coverageEndRule(doc: CoverageFields | undefined): true | string {
  if (!doc) return true;
  if (doc.coverage === 'ended' && !doc.coverageEndedAt) return 'Set when the live coverage ended.';
  if (doc.coverageEndedAt && !doc.coverage) return 'An end time only applies to a live blog: set Live coverage or clear the end time.';
  if (!isNotBefore(doc.coverageEndedAt, doc.coverageStartedAt)) return 'The coverage cannot end before it started.';
  return true;
}

/** A warning, not an error: an editor may set the end in advance, but the page keeps saying LIVE. */
export function coverageStillLiveWarning(doc: CoverageFields | undefined): true | string {
  if (doc?.coverage === 'live' && doc.coverageEndedAt) return 'The coverage is still marked Live: set it to Ended when it is over.';
  return true;
}

export function liveUpdatePreview(
  selection: { title?: string; text?: string; publishedAt?: string; keyEvent?: boolean; pinned?: boolean; article?: string },
  now: Date = new Date(),
): { title: string; subtitle: string } {
  const time = selection.publishedAt ? Date.parse(selection.publishedAt) : Number.NaN;
  const when = Number.isNaN(time)
    ? 'No publish time'
    : `${time > now.getTime() ? 'Scheduled ' : ''}${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(time)} UTC`;
  const flags = [selection.pinned ? 'Pinned' : undefined, selection.keyEvent ? 'Key event' : undefined];
  const firstLine = (selection.text ?? '').trim().split('\n')[0]?.slice(0, 120);
  return {
    title: selection.title?.trim() || firstLine || 'Untitled update',
    subtitle: [when, ...flags, selection.article].filter(Boolean).join(' · '),
  };
}
