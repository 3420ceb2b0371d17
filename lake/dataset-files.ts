import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRawDocument, resolveDatasetFile, type RawDocument } from '../lib/dataset/ndjson.ts';

/**
 * Where the lake keeps what it owns beside a dataset: the dataset itself stays in
 * `sanity dataset export` form (data.ndjson, assets.json, images/), and the lake's own state
 * (translog, compaction mark, running lock) goes into a hidden folder next to it.
 */
export type DatasetFiles = {
  file: string;
  folder: string;
  assetsJson: string;
  stateFolder: string;
  translog: string;
  state: string;
  lock: string;
};

export function datasetFiles(datasetPath: string): DatasetFiles {
  const file = resolveDatasetFile(datasetPath);
  const folder = dirname(file);
  const stateFolder = join(folder, `.${basename(file)}.lake`);
  return {
    file,
    folder,
    assetsJson: join(folder, 'assets.json'),
    stateFolder,
    translog: join(stateFolder, 'translog.ndjson'),
    state: join(stateFolder, 'state.json'),
    lock: join(stateFolder, 'lake.json'),
  };
}

export type LoadedDataset = {
  docs: RawDocument[];
  /** Each document's line as it is in the file, kept so untouched documents are written back byte for byte. */
  lines: string[];
  /** Lines that are not documents: kept verbatim and written back, never dropped. */
  unreadable: string[];
  sha1: string;
};

export function sha1Of(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function loadDataset(files: DatasetFiles, log: (line: string) => void): LoadedDataset {
  if (!existsSync(files.file)) throw new Error(`The dataset ${files.file} does not exist. Set CONTENT_DATASET to an export file or folder.`);
  const text = readFileSync(files.file, 'utf8');
  const docs: RawDocument[] = [];
  const lines: string[] = [];
  const unreadable: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isRawDocument(value)) {
      docs.push(value);
      lines.push(line);
    } else {
      unreadable.push(line);
      log(`[lake] ${files.file}:${index + 1}: not a document; kept as it is, but not served`);
    }
  });
  return { docs, lines, unreadable, sha1: sha1Of(text) };
}

export function readAssetsJson(files: DatasetFiles): Record<string, unknown> {
  if (!existsSync(files.assetsJson)) return {};
  try {
    return JSON.parse(readFileSync(files.assetsJson, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function ensureStateFolder(files: DatasetFiles): void {
  mkdirSync(files.stateFolder, { recursive: true });
}
