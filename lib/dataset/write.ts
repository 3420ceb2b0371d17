import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRawDocument, readDatasetText, type RawDocument } from './ndjson.ts';

export type UpsertResult = { created: string[]; updated: string[] };

/** One document per line, as `sanity dataset export` writes it. */
export function serializeDocuments(docs: RawDocument[]): string {
  return docs.map((doc) => JSON.stringify(doc)).join('\n') + (docs.length > 0 ? '\n' : '');
}

/**
 * Replaces or appends documents in an NDJSON dataset file. A replaced document
 * is rewritten on its own line, a new one appended; every other line stays
 * byte-identical so a diff shows only what the import changed. A file that
 * cannot be read or has a line that is not a document is refused before
 * anything is written.
 */
export function upsertDocuments(file: string, docs: RawDocument[]): UpsertResult {
  const { text: next, created, updated } = upsertIntoText(readDatasetText(file), docs, file);
  writeFileAtomic(file, next);
  return { created, updated };
}

/** The pure part of upsertDocuments, on the file's text. */
export function upsertIntoText(text: string, docs: RawDocument[], file = 'the dataset'): { text: string } & UpsertResult {
  const pending = new Map(docs.map((doc) => [doc._id, doc]));
  const created: string[] = [];
  const updated: string[] = [];
  const lines = text.split('\n');
  const out = lines.map((line, index) => {
    if (line.trim() === '') return line;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}, line ${index + 1}: not JSON (${(error as Error).message}); fix or remove that line, nothing was written.`);
    }
    if (!isRawDocument(value)) {
      throw new Error(`${file}, line ${index + 1}: not a document with a string _id and _type; nothing was written.`);
    }
    const replacement = pending.get(value._id);
    if (!replacement) return line;
    pending.delete(value._id);
    updated.push(value._id);
    return JSON.stringify(replacement);
  });

  let result = out.join('\n');
  if (pending.size > 0) {
    if (result !== '' && !result.endsWith('\n')) result += '\n';
    for (const doc of pending.values()) {
      result += JSON.stringify(doc) + '\n';
      created.push(doc._id);
    }
  }
  return { text: result, created, updated };
}

/** Writes through a temp file in the same folder and a rename, so a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`Cannot write the dataset ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Drops the documents with these ids from the file's text, as a delete in the Studio would; other lines stay byte-identical. */
export function removeFromText(text: string, ids: string[]): { text: string; removed: string[] } {
  const gone = new Set(ids);
  const removed: string[] = [];
  const kept = text.split('\n').filter((line) => {
    if (line.trim() === '') return true;
    const id = (JSON.parse(line) as { _id?: unknown })._id;
    if (typeof id !== 'string' || !gone.has(id)) return true;
    removed.push(id);
    return false;
  });
  return { text: kept.join('\n'), removed };
}
