import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runContentCli } from '../helpers/content-cli.ts';
import type { RawDocument } from '../../lib/dataset/ndjson.ts';
import type { PortableTextBlock } from '../../lib/portable-text/types.ts';
import { parseLiveUpdateText } from '../../lib/import/live-update-body.ts';
import { nextUpdateNumber, planCoverageChange, planLiveUpdate } from '../../lib/import/live-update.ts';
import { liveUpdateSchema } from '../../lib/content/live-view.ts';
import { liveBlogDocument } from '../fixtures/live-blog.ts';

const now = '2026-11-25T21:00:00.000Z';
const live: RawDocument = liveBlogDocument('storm', '2026-11-25T05:00:00.000Z');
const plain: RawDocument = { _id: 'article-plain', _type: 'article', title: 'Plain', slug: { _type: 'slug', current: 'plain' } };
const author: RawDocument = { _id: 'author-dana-reyes', _type: 'author', name: 'Dana Reyes', slug: { _type: 'slug', current: 'dana-reyes' } };
const texts = (doc: { body: Array<{ style: string; listItem?: string; children: Array<{ text: string }> }> }) =>
  doc.body.map((block) => `${block.listItem ?? block.style}: ${block.children.map((child) => child.text).join('')}`);

describe("live update bodies follow the importer's rules", () => {
  it('wire copy: every line is body (no headline), bullets kept, the sign-off kept last', () => {
    const parsed = parseLiveUpdateText('u.txt', 'Water is over the quay.\n- Mill Lane evacuated\n- Old Bridge closed\n— Meridian Wire\n', 'seed');
    expect(texts(parsed)).toEqual(['normal: Water is over the quay.', 'bullet: Mill Lane evacuated', 'bullet: Old Bridge closed', 'normal: — Meridian Wire']);
    expect(parsed.title).toBeUndefined();
  });

  it('wire copy: wrapped lines of blank-separated paragraphs are joined, as in an import', () => {
    const parsed = parseLiveUpdateText('u.txt', 'The river is\nrising fast.\n\nMore soon.', 'seed');
    expect(texts(parsed)).toEqual(['normal: The river is rising fast.', 'normal: More soon.']);
  });

  it('Markdown: a leading # heading or front-matter title is the title; article-only keys are refused', () => {
    const titled = parseLiveUpdateText(
      'u.md',
      '---\npublished: 2026-11-25T20:00:00Z\nauthors: [dana-reyes]\n---\n# Wall holds\n\nThe **upper** wall holds.',
      'seed',
    );
    expect(titled).toMatchObject({ title: 'Wall holds', publishedAt: '2026-11-25T20:00:00.000Z', authors: ['dana-reyes'] });
    expect(texts(titled)).toEqual(['normal: The upper wall holds.']);
    const untitled = parseLiveUpdateText('-', 'Just *text*.', 'seed', 'md');
    expect(untitled.title).toBeUndefined();
    expect(texts(untitled)).toEqual(['normal: Just text.']);
    expect(() => parseLiveUpdateText('u.md', '---\ntags: [world]\n---\nText', 'seed')).toThrow(/"tags" do not apply to a live update/);
    expect(() => parseLiveUpdateText('u.md', '# Only a title\n', 'seed')).toThrow(/no text/);
  });
});

describe('planLiveUpdate', () => {
  it('numbers updates per live blog after the existing ones, drafts included', () => {
    expect(nextUpdateNumber('storm', ['liveUpdate-storm-1', 'drafts.liveUpdate-storm-7', 'liveUpdate-storm-extra-9', 'liveUpdate-stormy-12'])).toBe(8);
    const plan = planLiveUpdate(
      'storm',
      { body: parseLiveUpdateText('u.txt', 'Text.', 's').body, title: ' Wall holds ', keyEvent: true, authors: ['dana-reyes'] },
      now,
      [live, author, { _id: 'liveUpdate-storm-2', _type: 'liveUpdate' }],
    );
    expect(plan.document).toMatchObject({
      _id: 'liveUpdate-storm-3',
      _type: 'liveUpdate',
      article: { _type: 'reference', _ref: 'article-storm' },
      publishedAt: now,
      title: 'Wall holds',
      keyEvent: true,
      pinned: false,
      authors: [{ _type: 'reference', _ref: 'author-dana-reyes' }],
    });
    expect(plan.path).toBe('/articles/storm#update-liveUpdate-storm-3');
  });

  it('finds a live blog and its authors by their slugs, whatever their ids: the Studio gives ids of its own', () => {
    const studio = { ...live, _id: '3f9c2a7e-5b1d-4e8a-9c0f-2d6b7a1e4c88' };
    const body = parseLiveUpdateText('u.txt', 'Text.', 's').body;
    const author = { _id: '8e4d2b6a-studio-author', _type: 'author', name: 'Dana Reyes', slug: { _type: 'slug', current: 'dana-reyes' } };
    // Its draft and a release's version come first: neither is the published blog.
    const plan = planLiveUpdate('storm', { body, authors: ['dana-reyes'] }, now, [
      { ...studio, _id: `drafts.${studio._id}` },
      { ...studio, _id: `versions.r1.${studio._id}` },
      { ...author, _id: `drafts.${author._id}` },
      studio,
      author,
    ]);
    expect(plan.document).toMatchObject({ _id: 'liveUpdate-storm-1', article: { _ref: studio._id }, authors: [{ _ref: author._id }] });
    // A draft alone is not a published blog.
    expect(() =>
      planLiveUpdate('storm', { body }, now, [
        { ...studio, _id: `drafts.${studio._id}` },
        { ...studio, _id: `versions.r1.${studio._id}` },
      ]),
    ).toThrow(/No published article "storm"/);
    expect(() => planLiveUpdate('storm', { body, authors: ['dana-reyes'] }, now, [studio, { ...author, _id: `drafts.${author._id}` }])).toThrow(
      /No author "dana-reyes"/,
    );
  });

  it('gives a blog whose slug keeps non-Latin letters ids Sanity accepts, stable and numbered as usual', () => {
    const greek = { ...live, _id: 'article-x', slug: { _type: 'slug', current: 'καταιγίδα-στη-θεσσαλία' } };
    const body = parseLiveUpdateText('u.txt', 'Text.', 's').body;
    const first = planLiveUpdate('καταιγίδα-στη-θεσσαλία', { body }, now, [greek]).document._id;
    expect(first).toMatch(/^liveUpdate-[0-9a-f]{12}-1$/);
    const second = planLiveUpdate('καταιγίδα-στη-θεσσαλία', { body }, now, [greek, { _id: first, _type: 'liveUpdate' }]).document._id;
    expect(second).toBe(first.replace(/-1$/, '-2'));
    // The site's own check on update ids (lib/content/live-view.ts) takes them.
    expect(liveUpdateSchema.shape._id.safeParse(second).success).toBe(true);
  });

  it('refuses an article that is not running live, an unknown author and an overlong title', () => {
    const body = parseLiveUpdateText('u.txt', 'Text.', 's').body;
    expect(() => planLiveUpdate('plain', { body }, now, [plain])).toThrow(/not a live blog.*--start/);
    expect(() => planLiveUpdate('gone', { body }, now, [live])).toThrow(/No published article "gone"/);
    expect(() => planLiveUpdate('storm', { body }, now, [{ ...live, coverage: 'ended' }])).toThrow(/has ended/);
    expect(() => planLiveUpdate('storm', { body, authors: ['nobody'] }, now, [live])).toThrow(/No author "nobody"/);
    expect(() => planLiveUpdate('storm', { body, title: 'x'.repeat(161) }, now, [live])).toThrow(/at most 160/);
  });

  it("refuses a body the Studio would not publish (a javascript: link), as the article importer's rules say", () => {
    const link = { _type: 'link' as const, _key: 'l', href: 'javascript:alert(1)' };
    const body: PortableTextBlock[] = [
      { _type: 'block', _key: 'b', style: 'normal', markDefs: [link], children: [{ _type: 'span', _key: 's', text: 'click', marks: ['l'] }] },
    ];
    expect(() => planLiveUpdate('storm', { body }, now, [live])).toThrow(/cannot be published/);
  });

  it('ends and reopens coverage, keeping the start', () => {
    const ended = planCoverageChange('storm', 'ended', now, [live]).document;
    expect(ended).toMatchObject({ coverage: 'ended', coverageStartedAt: live.coverageStartedAt, coverageEndedAt: now, _updatedAt: now });
    expect(() => planCoverageChange('storm', 'ended', now, [ended])).toThrow(/nothing to end/);
    const reopened = planCoverageChange('storm', 'live', now, [ended]).document;
    expect(reopened.coverage).toBe('live');
    expect(reopened.coverageEndedAt).toBeUndefined();
    expect(planCoverageChange('plain', 'live', now, [plain]).document).toMatchObject({ coverage: 'live', coverageStartedAt: now });
  });
});

function run(args: string[], input?: string) {
  return runContentCli(['live', ...args], { input });
}

describe('npm run content -- live', () => {
  let dataset: string;
  let before: string;
  beforeEach(() => {
    dataset = join(mkdtempSync(join(tmpdir(), 'nmn-live-')), 'data.ndjson');
    before = [live, plain, author].map((doc) => JSON.stringify(doc)).join('\n') + '\n';
    writeFileSync(dataset, before);
  });

  it('posts an update read from standard input and leaves every other line byte-identical', () => {
    const result = run(
      ['storm', '-', '--dataset', dataset, '--key-event', '--pin', '--title', 'Wall holds', '--author', 'dana-reyes'],
      'The upper wall holds.\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('posted liveUpdate-storm-1');
    const text = readFileSync(dataset, 'utf8');
    expect(text.startsWith(before)).toBe(true);
    const added = JSON.parse(text.slice(before.length)) as RawDocument;
    expect(added).toMatchObject({ _id: 'liveUpdate-storm-1', title: 'Wall holds', keyEvent: true, pinned: true, article: { _ref: 'article-storm' } });
    expect(run(['storm', '-', '--dataset', dataset], 'Second.').stdout).toContain('posted liveUpdate-storm-2');
  });

  it('ends the coverage with --end', () => {
    const result = run(['storm', '--end', '--dataset', dataset]);
    expect(result.stdout).toContain('coverage ended: article-storm');
    const article = JSON.parse(readFileSync(dataset, 'utf8').split('\n')[0]!) as RawDocument;
    expect(article).toMatchObject({ coverage: 'ended', coverageStartedAt: live.coverageStartedAt });
    expect(typeof article.coverageEndedAt).toBe('string');
  });

  it('explains what is wrong and writes nothing', () => {
    const refused = run(['plain', '-', '--dataset', dataset], 'Text.');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Cannot post to "plain": it is not a live blog/);
    expect(run(['storm', '--dataset', dataset]).code).toBe(2);
    expect(run(['storm', '-', '--end', '--dataset', dataset], 'x').stderr).toMatch(/--end takes no file/);
    expect(run(['storm', '/nonexistent/update.txt', '--dataset', dataset]).stderr).toMatch(/Cannot read \/nonexistent\/update.txt: ENOENT/);
    const png = join(mkdtempSync(join(tmpdir(), 'nmn-live-png-')), 'photo.txt');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
    expect(run(['storm', png, '--dataset', dataset]).stderr).toMatch(/photo\.txt: not UTF-8 text \(it looks like a PNG image\)/);
    expect(run(['storm', '-', '--dataset', dataset], '   \n').stderr).toMatch(/standard input: the file holds only white space/);
    expect(readFileSync(dataset, 'utf8')).toBe(before);
  });
});
