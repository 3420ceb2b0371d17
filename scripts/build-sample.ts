/**
 * Rebuilds sanity/sample-dataset/data.ndjson from sanity/sample-content:
 * taxonomy first, then every article through the same importer as
 * `npm run content -- import`, then the sample drafts. Every date, key and
 * revision is derived from the content, so two runs give the same bytes.
 *
 *   npm run sample                  rewrite the committed dataset
 *   npm run sample -- --out <file>  write somewhere else (tests)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RawDocument } from '../lib/dataset/ndjson.ts';
import { serializeDocuments, writeFileAtomic } from '../lib/dataset/write.ts';
import { parseArticleFile } from '../lib/import/parse-article-file.ts';
import type { ParsedArticle } from '../lib/import/parsed-article.ts';
import { planArticleImport, type ImportOptions } from '../lib/import/plan-import.ts';
import { contentHash } from '../lib/portable-text/keys.ts';
import { attachSampleImages, type SampleImages } from './images/sample-images.ts';
import { addSampleLiveBlogs } from './sample-live.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const contentDir = join(root, 'sanity/sample-content');
const articlesDir = join(contentDir, 'articles');
const defaultOut = join(root, 'sanity/sample-dataset/data.ndjson');
// When the taxonomy "was created": before the first sample article.
const TAXONOMY_DATE = '2026-10-01T00:00:00.000Z';

type Taxonomy = {
  tags: { slug: string; title: string; description: string }[];
  sources: { slug: string; name: string; kind: string; url?: string; description?: string; stateAffiliated?: boolean }[];
  authors: { slug: string; name: string; role?: string; bio?: string }[];
};
type WireOptions = { published: string; tags?: string[]; sources?: string[]; authors?: string[]; featured?: boolean };
type DraftSpec = { article: string; title: string; updated: string };

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(contentDir, file), 'utf8')) as T;
}

function taxonomyDocuments(taxonomy: Taxonomy): RawDocument[] {
  const make = (type: string, slug: string, fields: Record<string, unknown>): RawDocument => {
    const doc: RawDocument = {
      _id: `${type}-${slug}`,
      _type: type,
      _rev: '',
      _createdAt: TAXONOMY_DATE,
      _updatedAt: TAXONOMY_DATE,
      ...fields,
      slug: { _type: 'slug', current: slug },
    };
    doc._rev = contentHash(JSON.stringify({ ...doc, _rev: undefined }));
    return doc;
  };
  return [
    ...taxonomy.tags.map(({ slug, ...fields }) => make('tag', slug, fields)),
    ...taxonomy.sources.map(({ slug, ...fields }) => make('source', slug, fields)),
    ...taxonomy.authors.map(({ slug, ...fields }) => make('author', slug, fields)),
  ];
}

/** The latest date the article carries: its last edit is when it was "imported". */
function importTime(parsed: ParsedArticle, options: ImportOptions): string {
  const dates = [options.publishedAt, parsed.publishedAt, parsed.updatedAt, ...(parsed.corrections ?? []).map((c) => c.date)];
  const times = dates.filter((d): d is string => d !== undefined).map((d) => Date.parse(d));
  if (times.length === 0) throw new Error('has no publication date: add "published:" to the front matter or to wire-copy.json');
  return new Date(Math.max(...times)).toISOString();
}

function upsert(docs: RawDocument[], incoming: RawDocument[]): void {
  for (const doc of incoming) {
    const index = docs.findIndex((existing) => existing._id === doc._id);
    if (index >= 0) docs[index] = doc;
    else docs.push(doc);
  }
}

function buildSampleDocuments(): { docs: RawDocument[]; images: SampleImages } {
  const docs = taxonomyDocuments(readJson<Taxonomy>('taxonomy.json'));
  const wire = readJson<Record<string, WireOptions>>('wire-copy.json');
  const byFile = new Map<string, RawDocument>();

  const files = readdirSync(articlesDir)
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort();
  for (const name of files) {
    try {
      const parsed = parseArticleFile(join('sanity/sample-content/articles', name), readFileSync(join(articlesDir, name), 'utf8'));
      const options: ImportOptions = { now: '' };
      if (name.endsWith('.txt')) {
        const given = wire[name];
        if (!given) throw new Error('is wire copy without an entry in wire-copy.json');
        options.publishedAt = new Date(given.published).toISOString();
        if (given.tags) options.tags = given.tags;
        if (given.sources) options.sources = given.sources;
        if (given.authors) options.authors = given.authors;
        if (given.featured) options.featured = true;
      }
      options.now = importTime(parsed, options);
      const plan = planArticleImport(parsed, options, docs);
      // The sample taxonomy is complete: an import that creates a tag or source here is a typo.
      if (plan.log.length > 0) throw new Error(`would create taxonomy: ${plan.log.join('; ')}; add it to taxonomy.json`);
      // Every sample article is meant to be published: one that fails a publish rule would quietly become a draft.
      if (plan.status === 'draft') throw new Error(`fails the publish rules: ${plan.problems.join('; ')}`);
      upsert(docs, plan.documents);
      byFile.set(name, plan.article);
    } catch (error) {
      throw new Error(`sanity/sample-content/articles/${name}: ${(error as Error).message}`);
    }
  }

  addSampleLiveBlogs(join(contentDir, 'live'), docs, byFile);

  // Before the drafts, so a draft carries its article's images too.
  const images = attachSampleImages(join(contentDir, 'images'), byFile);

  const { drafts } = readJson<{ drafts: DraftSpec[] }>('drafts.json');
  for (const spec of drafts) {
    const published = byFile.get(spec.article);
    if (!published) throw new Error(`drafts.json: no article ${spec.article}`);
    const updatedAt = new Date(spec.updated).toISOString();
    const draft: RawDocument = { ...published, _id: `drafts.${published._id}`, _rev: '', _updatedAt: updatedAt, title: spec.title };
    draft._rev = contentHash(JSON.stringify({ ...draft, _rev: undefined }));
    docs.push(draft);
  }
  return { docs, images };
}

function main(): number {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' } } });
  const out = values.out ?? defaultOut;
  try {
    const { docs, images } = buildSampleDocuments();
    mkdirSync(dirname(out), { recursive: true });
    writeFileAtomic(out, serializeDocuments(docs));
    // The export's images/ folder and assets.json, next to the NDJSON file.
    mkdirSync(join(dirname(out), 'images'), { recursive: true });
    for (const [name, bytes] of images.files) writeFileSync(join(dirname(out), 'images', name), bytes);
    writeFileAtomic(join(dirname(out), 'assets.json'), `${JSON.stringify(images.assetsJson, null, 2)}\n`);
    const articles = docs.filter((doc) => doc._type === 'article');
    console.log(`Wrote ${docs.length} documents (${articles.length} articles, drafts included) to ${out}`);
    return 0;
  } catch (error) {
    console.error(`Sample build failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
