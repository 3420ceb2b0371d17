import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runContentCli } from '../helpers/content-cli.ts';
import { upsertIntoText } from '../../lib/dataset/write.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedFile = join(root, 'sanity/sample-content/articles/seed-article.txt');
const slug = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

const tag = '{"_id":"tag-world","_type":"tag","title":"World","slug":{"_type":"slug","current":"world"}}';
const other = '{"_id":"article-other",  "_type":"article","title":"Spacing kept"}';
const source = '{"_id":"source-nextminutenews","_type":"source","name":"NextMinuteNews","slug":{"_type":"slug","current":"nextminutenews"}}';

const run = (args: string[], env: Record<string, string> = {}) => runContentCli(args, { env });

let dir: string;
let dataset: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmn-import-'));
  dataset = join(dir, 'data.ndjson');
  writeFileSync(dataset, [tag, other, source].join('\n') + '\n');
});

describe('npm run content -- import', () => {
  it('imports the seed, reports what it did and leaves other lines byte-identical', () => {
    const result = run(['import', seedFile, '--dataset', dir, '--tags', 'world,central-asia', '--author', 'dana-reyes', '--featured']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`created article-${slug}`);
    expect(result.stdout).toContain(`/articles/${slug}`);
    expect(result.stdout).toContain('created tag tag-central-asia');
    expect(result.stdout).toContain('created author author-dana-reyes');

    const lines = readFileSync(dataset, 'utf8').trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([tag, other, source]);
    const article = JSON.parse(lines.at(-1)!);
    expect(article).toMatchObject({ _id: `article-${slug}`, featured: true });
    expect(article.sources[0]._ref).toBe('source-nextminutenews');
    expect(readdirSync(dir)).toEqual(['data.ndjson']); // no temp file left behind
  });

  it('updates the article in place on a second import', () => {
    run(['import', seedFile, '--dataset', dataset, '--tags', 'world']);
    const before = readFileSync(dataset, 'utf8').split('\n');
    const second = run(['import', seedFile, '--dataset', dataset, '--published', '2026-11-20T08:00:00Z']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`updated article-${slug}`);
    const after = readFileSync(dataset, 'utf8').split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, index) => line !== before[index])).toHaveLength(1);
    expect(JSON.parse(after.find((l) => l.includes(`article-${slug}`))!).publishedAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('uses CONTENT_DATASET when no --dataset is given', () => {
    const result = run(['import', seedFile], { CONTENT_DATASET: dataset });
    expect(result.code).toBe(0);
    expect(readFileSync(dataset, 'utf8')).toContain(`article-${slug}`);
  });

  it('leaves the dataset byte-identical when the input is wrong', () => {
    const before = readFileSync(dataset);
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\ntitle: Broken\npublished: soon\n---\nText.\n');
    const result = run(['import', bad, '--dataset', dataset]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/bad\.md: front matter field "published"/);
    expect(readFileSync(dataset)).toEqual(before);
  });

  it('refuses a dataset with a broken line and changes nothing', () => {
    writeFileSync(dataset, `${tag}\n{not json\n`);
    const before = readFileSync(dataset);
    const result = run(['import', seedFile, '--dataset', dataset]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2/);
    expect(readFileSync(dataset)).toEqual(before);
  });

  it('fails clearly on a missing file or dataset, and prints usage for --help', () => {
    expect(run(['import', join(dir, 'nope.txt'), '--dataset', dataset]).stderr).toMatch(/Cannot read .*nope\.txt/);
    expect(run(['import', seedFile, '--dataset', join(dir, 'missing.ndjson')]).stderr).toMatch(/Cannot read the dataset/);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run content -- import/);
  });
});

describe('upsertIntoText', () => {
  it('appends after a file without a final newline', () => {
    const result = upsertIntoText(tag, [{ _id: 'tag-new', _type: 'tag' }]);
    expect(result.text).toBe(`${tag}\n{"_id":"tag-new","_type":"tag"}\n`);
    expect(result.created).toEqual(['tag-new']);
  });
});
