import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLiveBlog } from '@/lib/content/live';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { liveBlogDocument } from '../fixtures/live-blog.ts';

const at = '2026-11-25T05:00:00Z';
const ref = (id: string) => ({ _type: 'reference', _ref: id });
const block = (key: string, text: string, markDefs: unknown[] = [], marks: string[] = []) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs,
  children: [{ _type: 'span', _key: `${key}s`, text, marks }],
});
const blog = liveBlogDocument('blog', at, { publishedAt: at, tags: [] });
const update = (id: string, extra: Record<string, unknown>) => ({
  _id: id,
  _type: 'liveUpdate',
  article: ref('article-blog'),
  publishedAt: '2026-11-25T06:00:00Z',
  body: [block('b', 'Text.')],
  ...extra,
});

const docs = [
  blog,
  { ...blog, _id: 'article-bogus', slug: { _type: 'slug', current: 'bogus' }, coverage: 'sometimes' },
  update('liveUpdate-hostile', {
    title: '<script>alert(1)</script>',
    body: [block('h', 'click', [{ _type: 'link', _key: 'l', href: 'javascript:alert(1)' }], ['l']), { _type: 'unknownThing' }, null],
  }),
  update('liveUpdate-nodate', { publishedAt: 'yesterday' }),
  update('liveUpdate-malformed', { keyEvent: 'yes' }),
  update('liveUpdate-orphan', { article: ref('article-missing') }),
];

describe('a live blog with hostile and broken updates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nmn-live-hostile-'));
  writeFileSync(join(dir, 'data.ndjson'), docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  const logs: string[] = [];
  const source = createEmbeddedSource(join(dir, 'data.ndjson'), (line) => logs.push(line));

  it('renders hostile text inert and skips a malformed update with a log line naming it', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      const value = (await loadLiveBlog(source, 'blog', 1, 'https://news.example')).value!;
      expect(value.updates.map((entry) => entry._id)).toEqual(['liveUpdate-hostile']);
      const [hostile] = value.updates;
      expect(hostile!.title).toBe('<script>alert(1)</script>');
      expect(hostile!.bodyHtml).not.toMatch(/javascript:|<a /);
      expect(hostile!.bodyHtml).toContain('click');
      expect(warnings.join('\n')).toMatch(/skipped liveUpdate liveUpdate-malformed/);
    } finally {
      console.warn = original;
    }
  });

  it('an unknown coverage value is not a live blog', async () => {
    expect((await loadLiveBlog(source, 'bogus', 1, 'https://news.example')).value).toBeNull();
  });
});
