import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './site.ts';

/* The fault tests' embedded site: a copy of the sample dataset the tests may break, and its build folder. */
export const EMBEDDED_DIST = '.next-faults-embedded';
export const EMBEDDED_DATASET = path.join(ROOT, '.tmp/faults/embedded-dataset');

export function prepareEmbeddedDataset(): void {
  rmSync(EMBEDDED_DATASET, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'sanity/sample-dataset'), EMBEDDED_DATASET, { recursive: true });
}

export const embeddedSiteEnv = () => ({ CONTENT_DATASET: EMBEDDED_DATASET });
