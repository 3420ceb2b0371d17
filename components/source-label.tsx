import Link from 'next/link';
import type { SourceRef } from '@/lib/content';
import { sourcePath } from '@/lib/urls/paths';

const kindNames: Record<string, string> = {
  wire: 'wire service',
  newspaper: 'newspaper',
  broadcaster: 'broadcaster',
  magazine: 'magazine',
  online: 'online outlet',
  agency: 'news agency',
  government: 'government',
  ngo: 'non-governmental organisation',
  other: 'other',
};

export function sourceKindName(kind: string | undefined): string | undefined {
  return kind ? kindNames[kind] : undefined;
}

/** A source with its kind and, where it applies, a visible state-affiliation label. */
export function SourceLabel({ source }: { source: SourceRef }) {
  const kind = sourceKindName(source.kind);
  return (
    <span className="source">
      <Link href={sourcePath(source.slug)}>{source.name}</Link>
      {kind && <span className="source-kind"> ({kind})</span>}
      {source.stateAffiliated && <StateAffiliatedBadge />}
    </span>
  );
}

/** The label readers see on state-affiliated media, wherever a source appears. */
export function StateAffiliatedBadge() {
  return <span className="badge badge-state">State-affiliated media</span>;
}

export function articleCount(count: number): string {
  return count === 1 ? '1 article' : `${count} articles`;
}
