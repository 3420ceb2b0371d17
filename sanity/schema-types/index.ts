import { article } from './article.ts';
import { author } from './author.ts';
import { blockContent } from './block-content.ts';
import { correction } from './correction.ts';
import { liveUpdate } from './live-update.ts';
import { siteSettings } from './site-settings.ts';
import { source } from './source.ts';
import { tag } from './tag.ts';

/** Every schema type the Studio knows, documents first. */
export const schemaTypes = [article, liveUpdate, tag, source, author, siteSettings, blockContent, correction];

/** The document types of the content model (see CONTENT-MODEL.md). */
export const DOCUMENT_TYPES = ['article', 'liveUpdate', 'tag', 'source', 'author', 'siteSettings'] as const;
