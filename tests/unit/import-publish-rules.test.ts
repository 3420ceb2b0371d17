import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runContentCli } from '../helpers/content-cli.ts';
import type { RawDocument } from '../../lib/dataset/ndjson.ts';
import { parseArticleFile } from '../../lib/import/parse-article-file.ts';
import { planArticleImport } from '../../lib/import/plan-import.ts';
import { decodeArticleText } from '../../lib/import/text-input.ts';
import { articleProblems } from '../../sanity/lib/article-rules.ts';
import { messages, validate } from '../helpers/sanity-validate.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedFile = join(root, 'tests/fixtures/seed-article.txt');
const seed = readFileSync(seedFile, 'utf8');
const slug = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const tag = '{"_id":"tag-world","_type":"tag","title":"World","slug":{"_type":"slug","current":"world"}}';
const now = '2026-11-20T08:05:00.000Z';
const taxonomy: RawDocument[] = [JSON.parse(tag)];

const run = (args: string[]) => runContentCli(args);

let dir: string;
let dataset: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmn-rules-'));
  dataset = join(dir, 'data.ndjson');
  writeFileSync(dataset, `${tag}\n`);
});

describe('the importer takes text only', () => {
  it('refuses a PNG renamed .txt, naming the file and the reason, and writes nothing', () => {
    const picture = join(dir, 'picture.txt');
    copyFileSync(join(root, 'public/logo.png'), picture);
    const before = readFileSync(dataset);
    const result = run(['import', picture, '--dataset', dataset, '--tags', 'world']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${picture}: not UTF-8 text (it looks like a PNG image)`);
    expect(result.stderr).toContain('Nothing was imported.');
    expect(readFileSync(dataset)).toEqual(before);
  });

  const bytes = (text: string) => new TextEncoder().encode(text);
  const refused: [what: string, input: Uint8Array, reason: RegExp][] = [
    ['an empty file', new Uint8Array(), /the file is empty/],
    ['only white space', bytes(' \n\t\r\n'), /only white space/],
    ['a byte-order mark and nothing else', bytes('\uFEFF\n'), /only white space/],
    ['Latin-1 bytes', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0x62]), /not UTF-8 text:/],
    ['UTF-16', Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x0a, 0x00]), /not UTF-8 text \(it looks like a UTF-16 text\)/],
    ['a NUL', bytes('Headline\nBody\u0000text\n'), /line 2 holds the control character U\+0000/],
    ['an escape character', bytes('Headline\n\u001b[31mred\n'), /line 2 holds the control character U\+001B/],
    ['a form feed', bytes('Headline\fBody\n'), /line 1 holds the control character U\+000C/],
    ['DEL', bytes('Head\u007fline\nBody\n'), /U\+007F/],
    ['a C1 control', bytes('Headline\nBody\u0085\n'), /U\+0085/],
    ['a PDF', bytes('%PDF-1.7\n\u0001\u0002'), /it looks like a PDF document/],
  ];

  it.each(refused)('refuses %s', (_what, input, reason) => {
    expect(() => decodeArticleText('story.txt', input)).toThrow(reason);
    expect(() => decodeArticleText('story.txt', input)).toThrow(/^story\.txt: .*Nothing was imported\.$/);
  });

  it('accepts text with tabs, CRLF line breaks, a byte-order mark and any script', () => {
    const text = 'Заголовок\r\n\tТекст статьи.\r\n';
    expect(decodeArticleText('story.txt', bytes(`\uFEFF${text}`))).toBe(text);
  });

  it('refuses a headline with no body under it', () => {
    expect(() => parseArticleFile('one-line.txt', 'Only a headline here\n')).toThrow(/^one-line\.txt: no body after the headline "Only a headline here"/);
    expect(() => parseArticleFile('only-title.md', '---\ntitle: A title\n---\n\n')).toThrow(/only-title\.md: no body after the headline/);
  });
});

describe('publish only what the Studio would publish', () => {
  it('the seed article with a tag is published', () => {
    const result = run(['import', seedFile, '--dataset', dataset, '--tags', 'world']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`created article-${slug} (published)`);
    const ids = readFileSync(dataset, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)._id);
    expect(ids).toContain(`article-${slug}`);
    expect(ids).not.toContain(`drafts.article-${slug}`);
  });

  it('an article with no tag becomes a draft that says why, and is published once a tag is given', () => {
    const first = run(['import', seedFile, '--dataset', dataset]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`created drafts.article-${slug} (draft)`);
    expect(first.stdout).toContain('needs: tags: Add at least one tag (each tag once) before publishing.');
    const afterDraft = readFileSync(dataset, 'utf8');
    expect(afterDraft).toContain(`"_id":"drafts.article-${slug}"`);
    expect(afterDraft).not.toContain(`"_id":"article-${slug}"`);

    const second = run(['import', seedFile, '--dataset', dataset, '--tags', 'world']);
    expect(second.stdout).toContain(`created article-${slug} (published)`);
    const afterPublish = readFileSync(dataset, 'utf8');
    expect(afterPublish).toContain(`"_id":"article-${slug}"`);
    expect(afterPublish).not.toContain(`"_id":"drafts.article-${slug}"`);
  });

  it('a bad link makes a draft; a published article stays as it was beside it', () => {
    const published = planArticleImport(parseArticleFile('seed.txt', seed), { now, tags: ['world'] }, taxonomy).article;
    // Markdown's own parser already drops javascript: links; a protocol-relative one gets through to the rules.
    const markdown = `---\ntitle: ${published.title}\n---\nRead [this](//evil.example/x).\n`;
    const plan = planArticleImport(parseArticleFile('story.md', markdown), { now }, [...taxonomy, published]);
    expect(plan.status).toBe('draft');
    expect(plan.article._id).toBe(`drafts.article-${slug}`);
    expect(plan.problems).toEqual(['body: Links must start with https://, http://, mailto: or a single / for a page on this site.']);
    expect(plan.log).toContain(`the published article-${slug} stays as it was until the draft is published`);
  });
});

describe('the importer and the Studio apply the same rules', () => {
  const base = parseArticleFile('seed.txt', seed);
  const cases: [what: string, build: () => Record<string, unknown>][] = [
    ['a complete article', () => planArticleImport(base, { now, tags: ['world'] }, taxonomy).article],
    ['no tag', () => planArticleImport(base, { now }, taxonomy).article],
    [
      'a long headline and standfirst',
      () => planArticleImport({ ...base, title: 'x'.repeat(161) }, { now, tags: ['world'], standfirst: 'y'.repeat(301) }, taxonomy).article,
    ],
    [
      'an update before publication, a bad language',
      () => ({ ...planArticleImport(base, { now, tags: ['world'] }, taxonomy).article, updatedAt: '2020-01-01T00:00:00.000Z', language: 'english' }),
    ],
    [
      'an ftp: link and a protocol-relative one',
      () => planArticleImport(parseArticleFile('s.md', '# T\n\n[a](ftp://x) [b](//evil.example)\n'), { now, tags: ['world'] }, taxonomy).article,
    ],
    [
      'a link with no address',
      () => {
        const doc = planArticleImport(base, { now, tags: ['world'] }, taxonomy).article;
        const [first, ...rest] = doc.body;
        return { ...doc, body: [{ ...first!, markDefs: [{ _type: 'link', _key: 'l1', href: '' }] }, ...rest] };
      },
    ],
    [
      'the same tag twice and no publish time',
      () => ({ ...planArticleImport(base, { now, tags: ['world', 'world'] }, taxonomy).article, publishedAt: undefined }),
    ],
  ];

  it.each(cases)('%s: the Studio’s validation and the importer’s rules agree', async (_what, build) => {
    const doc = build();
    const studio = messages(await validate({ ...doc, _id: `drafts.${String(doc._id).replace(/^drafts\./u, '')}` }));
    const studioMessages = [...new Set(studio.map((line) => line.slice(line.indexOf(': ') + 2)))].sort();
    const importer = [...new Set(articleProblems(doc).map((problem) => problem.message))].sort();
    expect(importer).toEqual(studioMessages);
  });

  it('the cases above really fail rules, so the comparison is not between two empty lists', () => {
    expect(cases.filter(([, build]) => articleProblems(build()).length > 0)).toHaveLength(cases.length - 1);
  });
});
