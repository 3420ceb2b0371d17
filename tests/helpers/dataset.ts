import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readDatasetFile, readDatasetText, resolveDatasetFile, type RawDocument } from '../../lib/dataset/ndjson.ts';
import { upsertDocuments as upsertIntoFile, writeFileAtomic, type UpsertResult } from '../../lib/dataset/write.ts';

/*
 * A test's dataset is a copy (never the committed sample), edited the way the importer writes:
 * lib/dataset/write.ts's atomic upsert, so a running site never reads half a file.
 */
export type { RawDocument };

/** Copies an export folder (data.ndjson and its files) to `toDir`, replacing what was there. */
export function copyDataset(fromDir: string, toDir: string): string {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(path.dirname(toDir), { recursive: true });
  cpSync(fromDir, toDir, { recursive: true });
  return resolveDatasetFile(toDir);
}

/** Publishes documents into the dataset: each replaces the one with its `_id`, or is appended. */
export function upsertDocuments(datasetDir: string, docs: RawDocument[]): UpsertResult {
  return upsertIntoFile(resolveDatasetFile(datasetDir), docs);
}

/** Deletes documents by `_id`, as a delete in the Studio removes them from the Content Lake. */
export function removeDocuments(datasetDir: string, ids: string[]): string[] {
  const file = resolveDatasetFile(datasetDir);
  const gone = new Set(ids);
  const removed: string[] = [];
  const lines = readDatasetText(file)
    .split('\n')
    .filter((line) => {
      const id = idOfLine(line);
      if (id === undefined || !gone.has(id)) return true;
      removed.push(id);
      return false;
    });
  writeFileAtomic(file, lines.join('\n'));
  return removed;
}

/** Remembers the dataset as it is now; the returned function puts it back (atomically). */
export function snapshotDataset(datasetDir: string): () => void {
  const file = resolveDatasetFile(datasetDir);
  const text = readDatasetText(file);
  return () => writeFileAtomic(file, text);
}

/** The documents of a dataset, as the site would read them. */
export function readDocuments(datasetDir: string): RawDocument[] {
  return readDatasetFile(resolveDatasetFile(datasetDir)).docs;
}

/** One document by `_id`; throws when the dataset has none, so a test never edits nothing. */
export function getDocument(datasetDir: string, id: string): RawDocument {
  const doc = readDocuments(datasetDir).find((candidate) => candidate._id === id);
  if (!doc) throw new Error(`${id} is not in ${resolveDatasetFile(datasetDir)}`);
  return doc;
}

/** Changes fields of one document (an editor's publish) and returns the document as written. */
export function editDocument(datasetDir: string, id: string, fields: Record<string, unknown>): RawDocument {
  const changed = { ...getDocument(datasetDir, id), ...fields };
  upsertDocuments(datasetDir, [changed]);
  return changed;
}

function idOfLine(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as { _id?: unknown };
    return typeof value._id === 'string' ? value._id : undefined;
  } catch {
    return undefined;
  }
}
