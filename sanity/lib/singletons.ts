import type { DocumentActionComponent, Template } from 'sanity';
import type { StructureBuilder } from 'sanity/structure';

/*
 * Singletons: document types with exactly one document, at a fixed `_id`.
 * The Studio opens that document directly and offers no way to create,
 * duplicate or delete another, which would leave the site reading the wrong one.
 */

export const SITE_SETTINGS_ID = 'siteSettings';

const SINGLETONS: Record<string, string> = { siteSettings: SITE_SETTINGS_ID };

// Unpublish stays: it is how an editor takes the whole banner down at once.
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore', 'unpublish']);

export function isSingletonType(schemaType: string): boolean {
  return Object.hasOwn(SINGLETONS, schemaType);
}

/** Hides singleton types from "Create new document" menus. */
export function withoutSingletonTemplates(templates: Template[]): Template[] {
  return templates.filter((template) => !isSingletonType(template.schemaType));
}

/** A singleton's actions: publish, discard, restore and unpublish; never duplicate or delete. */
export function singletonActions(actions: DocumentActionComponent[]): DocumentActionComponent[] {
  return actions.filter((action) => action.action !== undefined && SINGLETON_ACTIONS.has(action.action));
}

/** "Site settings" in the structure: opens the one document, no list in between. */
export function siteSettingsItem(S: StructureBuilder) {
  return S.listItem()
    .id('siteSettings')
    .title('Site settings')
    .schemaType('siteSettings')
    .child(S.document().id('siteSettings').schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('Site settings'));
}
