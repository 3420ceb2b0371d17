import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RawDocument } from '../helpers/dataset.ts';

/* The edge suites read pages with tests/helpers/page.ts; here, the documents they edit. */

/** A document's slug, as the dataset spells it. */
export const slugOf = (doc: RawDocument) => (doc.slug as { current: string }).current;

/** One published document of the dataset copy, to edit and publish again. */
export function documentOf(dataset: string, id: string): RawDocument {
  const line = readFileSync(path.join(dataset, 'data.ndjson'), 'utf8')
    .split('\n')
    .find((entry) => entry.includes(`"_id":"${id}"`));
  if (!line) throw new Error(`${id} is not in ${dataset}`);
  return JSON.parse(line) as RawDocument;
}
