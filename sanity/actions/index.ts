import type { DocumentActionsResolver } from 'sanity';
import { OpenOnSiteAction } from './open-on-site.ts';
import { withSlugHistory } from './publish-with-slug-history.ts';

/** Articles get slug history on publish and an "Open on site" action; other types keep the defaults. */
export const documentActions: DocumentActionsResolver = (previous, context) => {
  if (context.schemaType !== 'article') return previous;
  const actions = previous.map((action) => (action.action === 'publish' ? withSlugHistory(action) : action));
  return [...actions, OpenOnSiteAction];
};
