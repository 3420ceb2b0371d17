import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSearch } from '@/lib/content/search';
import { searchTerms } from '@/lib/content/search-terms';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { copyDataset, upsertDocuments } from '../helpers/dataset.ts';

/*
 * The text index belongs to one version of the dataset file: an import (the importer's
 * atomic upsert) makes the next search read a new index, without a restart.
 */

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const NOW = new Date('2030-01-01T00:00:00.000Z');
const SEED_ID = 'article-kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';

const newArticle = {
  _id: 'article-zanzibar-ferry',
  _type: 'article',
  title: 'Zanzibarite ferry returns to the Sarna',
  slug: { _type: 'slug', current: 'zanzibarite-ferry-returns' },
  language: 'en',
  publishedAt: '2029-06-01T08:00:00.000Z',
  body: [
    {
      _type: 'block',
      _key: 'b1',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's1', text: 'The quillwort crossing opens again.', marks: [] }],
    },
  ],
};

/** A copy of the sample, and the embedded source reading it. */
function fresh() {
  const dir = join(mkdtempSync(join(tmpdir(), 'nmn-search-rebuild-')), 'dataset');
  copyDataset(SAMPLE, dir);
  const source = createEmbeddedSource(dir, () => {}, { now: () => NOW });
  const slugsFor = async (query: string) => (await loadSearch(source, searchTerms(query), 1, 20)).value.results.map((result) => result.slug);
  return { dir, source, slugsFor };
}

describe('the search index after the dataset file changes', () => {
  it('finds an article imported after the index was built', async () => {
    const { dir, source, slugsFor } = fresh();
    expect(await slugsFor('zanzibarite')).toEqual([]);
    expect(await slugsFor('quillwort')).toEqual([]);
    expect(source.searchIndexStats().builds).toBe(1);

    upsertDocuments(dir, [newArticle]);
    expect(await slugsFor('zanzibarite')).toEqual(['zanzibarite-ferry-returns']);
    expect(await slugsFor('quillwort crossing')).toEqual(['zanzibarite-ferry-returns']);
    // Both answered from an index, the second from one built for the new file.
    expect(source.searchIndexStats()).toEqual({ builds: 2, answered: 4 });
  });

  it('forgets a word an edit removed and finds the word it added', async () => {
    const { dir, source, slugsFor } = fresh();
    expect(await slugsFor('Tokayev')).toHaveLength(1);
    const [seed] = await source.query<{ _id: string }[]>('*[_id == $id]', { id: SEED_ID }, 'published');
    upsertDocuments(dir, [
      {
        ...seed!,
        _type: 'article',
        body: [{ ...newArticle.body[0], children: [{ _type: 'span', _key: 's1', text: 'Rewritten: the president is named nowhere now.', marks: [] }] }],
      },
    ]);
    expect(await slugsFor('Tokayev')).toEqual([]);
    expect(await slugsFor('rewritten')).toHaveLength(1);
  });
});
