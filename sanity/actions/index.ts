import type { DocumentActionsResolver } from 'sanity';
import { isSingletonType, singletonActions } from '../lib/singletons.ts';
import { OpenOnSiteAction } from './open-on-site.ts';
import { withSlugHistory } from './publish-with-slug-history.ts';

/**
 * Articles get slug history on publish and an "Open on site" action; singletons
 * lose duplicate and delete; other types keep the defaults.
 */
export const documentActions: DocumentActionsResolver = (previous, context) => {
  if (isSingletonType(context.schemaType)) return singletonActions(previous);
  if (context.schemaType !== 'article') return previous;
  const actions = previous.map((action) => (action.action === 'publish' ? withSlugHistory(action) : action));
  return [...actions, OpenOnSiteAction];
};
