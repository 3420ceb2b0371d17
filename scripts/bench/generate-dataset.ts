/*
 * A large dataset for the benchmark: the sample's tags, sources and authors, and
 * `count` generated articles (deterministic: same count, same bytes), newest first
 * one hour apart, so a build over it shows whether build time grows with the archive.
 *
 *   node scripts/bench/generate-dataset.ts 10000 .tmp/bench/dataset-10000
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Doc = { _id: string; _type: string; [key: string]: unknown };

const WORDS = (
  'council river budget harbour election report water grain rail winter market school clinic ' +
  'minister border survey drought festival court museum factory bridge steppe pipeline ' +
  'ministry harvest strike audit sensor village transit coast mountain'
).split(' ');

const key = (...parts: (string | number)[]) => createHash('sha1').update(parts.join(':')).digest('hex').slice(0, 12);

function words(seed: number, n: number): string {
  return Array.from({ length: n }, (_, i) => WORDS[(seed * 31 + i * 7 + i * i) % WORDS.length]).join(' ');
}

function paragraph(article: number, index: number): Record<string, unknown> {
  const k = key(article, 'p', index);
  const text = `${words(article + index, 18)}. ${words(article * 3 + index, 22)}.`;
  return {
    _type: 'block',
    _key: k,
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: `${k}s0`, text: text[0]!.toUpperCase() + text.slice(1), marks: [] }],
  };
}

const ref = (id: string, seed: string) => ({ _type: 'reference', _ref: id, _key: key(id, seed) });

export function generateDataset(sampleNdjson: string, count: number, newest = Date.parse('2026-11-01T12:00:00.000Z')): string {
  const sample = sampleNdjson
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc);
  const shared = sample.filter((doc) => ['tag', 'source', 'author'].includes(doc._type) && !doc._id.includes('.'));
  const ids = (type: string) => shared.filter((doc) => doc._type === type).map((doc) => doc._id);
  const [tags, sources, authors] = [ids('tag'), ids('source'), ids('author')];
  const lines = shared.map((doc) => JSON.stringify(doc));
  for (let i = 0; i < count; i++) {
    const slug = `bench-${words(i, 3).replaceAll(' ', '-')}-${i}`;
    const at = new Date(newest - i * 3_600_000).toISOString();
    const doc: Doc = {
      _id: `article-${slug}`,
      _type: 'article',
      _rev: key(i, 'rev'),
      _createdAt: at,
      _updatedAt: at,
      title: `Bench story ${i}: ${words(i, 6)}`,
      slug: { _type: 'slug', current: slug },
      language: 'en',
      standfirst: `${words(i * 5, 16)}.`,
      publishedAt: at,
      body: Array.from({ length: 8 }, (_, p) => paragraph(i, p)),
      tags: [ref(tags[i % tags.length]!, `t${i}`), ref(tags[(i * 7 + 3) % tags.length]!, `u${i}`)].filter(
        (r, n, all) => all.findIndex((o) => o._ref === r._ref) === n,
      ),
      sources: [ref(sources[i % sources.length]!, `s${i}`)],
      authors: [ref(authors[i % authors.length]!, `a${i}`)],
      corrections: [],
      featured: i < 3,
    };
    lines.push(JSON.stringify(doc));
  }
  return lines.join('\n') + '\n';
}

/** Writes `<folder>/data.ndjson`; returns the folder. */
export function writeDataset(root: string, count: number, folder: string): string {
  const sample = readFileSync(path.join(root, 'sanity/sample-dataset/data.ndjson'), 'utf8');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'data.ndjson'), generateDataset(sample, count));
  return folder;
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 10_000);
  const root = path.resolve(import.meta.dirname, '../..');
  const folder = path.resolve(process.argv[3] ?? path.join(root, `.tmp/bench/dataset-${count}`));
  writeDataset(root, count, folder);
  console.log(`${count} articles written to ${path.join(folder, 'data.ndjson')}`);
}
