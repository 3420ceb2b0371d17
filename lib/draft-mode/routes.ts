/**
 * The draft-mode routes (app/api/draft-mode/*), named once: the Studio's
 * Presentation tool calls them, the editors' guide links them, tests visit them.
 */
export const DRAFT_MODE_ENABLE_PATH = '/api/draft-mode/enable';
export const DRAFT_MODE_DISABLE_PATH = '/api/draft-mode/disable';
