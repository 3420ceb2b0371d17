import type { SourceRef } from '@/lib/content/shapes';
import { sourcePath } from '@/lib/urls/paths';

/** A source with its kind and, where it applies, a visible state-affiliation label. */
export function SourceLabel({ source }: { source: SourceRef }) {
  const kind = source.kindName;
  return (
    <span className="source">
      <a href={sourcePath(source.slug)}>{source.name}</a>
      {kind && <span className="source-kind"> ({kind})</span>}
      {source.stateAffiliated && <StateAffiliatedBadge />}
    </span>
  );
}

/** The label readers see on state-affiliated media, wherever a source appears. */
export function StateAffiliatedBadge() {
  return <span className="badge badge-state">State-affiliated media</span>;
}
