export type { Correction, ParsedArticle } from './parsed-article.ts';
export { parseWireCopy, type WireCopy } from './wire-copy.ts';
export { isHeadingLine, MINOR_WORDS } from './heading-rule.ts';
export { parseMarkdownArticle } from './markdown.ts';
export { frontMatterSchema, type FrontMatter } from './front-matter.ts';
export { parseArticleFile } from './parse-article-file.ts';
export { articleSlug, buildArticleDocument, type ArticleBuildOptions, type ArticleDocument } from './article-document.ts';
export { planArticleImport, type ImportOptions, type ImportPlan } from './plan-import.ts';
export { documentId, referenceTo, titleFromSlug, type Reference } from './references.ts';
