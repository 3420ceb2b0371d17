import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A document as `sanity dataset export` writes it: system fields plus anything else. */
export type RawDocument = {
  _id: string;
  _type: string;
  [field: string]: unknown;
};

export type ParseProblem = { line: number; message: string };

/**
 * `CONTENT_DATASET` may name an `*.ndjson` file or an unpacked export folder
 * holding `data.ndjson`; both resolve to the NDJSON file itself.
 */
export function resolveDatasetFile(pathOrFolder: string): string {
  const stats = statSync(pathOrFolder, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return join(pathOrFolder, 'data.ndjson');
  return pathOrFolder;
}

/**
 * Parses NDJSON line by line. A line that is not a JSON object with a string
 * `_id` and `_type` is reported, not fatal: one bad document must not take the
 * whole site down.
 */
export function parseNdjson(text: string): { docs: RawDocument[]; problems: ParseProblem[] } {
  const docs: RawDocument[] = [];
  const problems: ParseProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ line: index + 1, message: `not JSON (${(error as Error).message})` });
      return;
    }
    if (!isRawDocument(value)) {
      problems.push({ line: index + 1, message: 'not a document with a string _id and _type' });
      return;
    }
    docs.push(value);
  });
  return { docs, problems };
}

export function isRawDocument(value: unknown): value is RawDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as RawDocument)._id === 'string' &&
    typeof (value as RawDocument)._type === 'string'
  );
}

/** A dataset file's text; throws (with the path) when it cannot be read. */
export function readDatasetText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the dataset ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Reads and parses a dataset file; throws (with the path) when it cannot be read. */
export function readDatasetFile(file: string): { docs: RawDocument[]; problems: ParseProblem[] } {
  return parseNdjson(readDatasetText(file));
}
