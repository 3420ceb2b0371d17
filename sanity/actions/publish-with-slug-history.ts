import { useDocumentOperation, type DocumentActionComponent } from 'sanity';
import { nextPreviousSlugs, sameSlugList } from '../lib/slug-history.ts';

/**
 * Wraps Sanity's Publish action: when the draft renames the article, the old
 * published slug is added to `previousSlugs` before publishing, so links to
 * the old URL keep working (the site answers them with a permanent redirect).
 */
export function withSlugHistory(publish: DocumentActionComponent): DocumentActionComponent {
  const PublishWithSlugHistory: DocumentActionComponent = (props) => {
    const original = publish(props);
    const { patch } = useDocumentOperation(props.id, props.type);
    if (!original) return null;
    return {
      ...original,
      onHandle: () => {
        // Release versions are published by the release, not by this action; only drafts are handled here.
        const draft = props.draft as Parameters<typeof nextPreviousSlugs>[1];
        if (draft && props.published && !props.version) {
          const next = nextPreviousSlugs(props.published as Parameters<typeof nextPreviousSlugs>[0], draft);
          if (!sameSlugList(next, draft.previousSlugs)) patch.execute([{ set: { previousSlugs: next } }]);
        }
        original.onHandle?.();
      },
    };
  };
  PublishWithSlugHistory.action = 'publish';
  PublishWithSlugHistory.displayName = 'PublishWithSlugHistory';
  return PublishWithSlugHistory;
}
