import { statSync } from 'node:fs';
import type { DatasetFiles, LoadedDataset } from './dataset-files.ts';
import { writeLinesDurablyAsync } from './durable-file.ts';
import { toExportForm } from './export-form.ts';
import type { Change } from './types.ts';

/** What identifies the dataset file the lake last wrote: anyone else's write changes it. */
export type FileMark = { size: number; mtimeMs: number };

export function markOf(file: string): FileMark | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
}

/**
 * Keeps the dataset's export form (one line per document, assets.json) up to date one change at
 * a time, so writing the file costs a write, not a conversion of every document: on a
 * 10,000-article archive a whole conversion held every request for most of a second. Each line
 * is kept encoded (UTF-8, newline included): joining and encoding 44 MB of strings on every
 * write still held requests (about half a second of the lake's thread per write, a draft write
 * every 250 ms while an editor types), where handing the kernel the bytes costs next to nothing.
 */
export function createDatasetWriter(files: DatasetFiles, loaded: LoadedDataset, assets: Record<string, unknown>) {
  const encode = (line: string) => Buffer.from(`${line}\n`, 'utf8');
  const lines = new Map<string, Buffer>(loaded.docs.map((doc, index) => [doc._id, encode(loaded.lines[index]!)]));
  const unreadable = loaded.unreadable.map(encode);
  const assetRecords = new Map(Object.entries(assets));
  let assetsChanged = false;

  return {
    update(change: Change): void {
      if (!change.after) {
        lines.delete(change.id);
        if (assetRecords.delete(change.id)) assetsChanged = true;
        return;
      }
      const exported = toExportForm([change.after]);
      const doc = exported.docs[0];
      if (doc) lines.set(change.id, encode(JSON.stringify(doc)));
      for (const [id, record] of Object.entries(exported.assets)) {
        assetRecords.set(id, record);
        assetsChanged = true;
      }
    },
    /** Writes the file as it is now; what changes after the call waits for the next write. */
    async write(): Promise<FileMark> {
      // A copy of the references only: later commits replace lines, never change their bytes.
      const all = [...lines.values(), ...unreadable];
      const writeAssets = assetsChanged;
      const assetsText = JSON.stringify(Object.fromEntries(assetRecords), null, 2);
      assetsChanged = false;
      await writeLinesDurablyAsync(files.file, all);
      if (writeAssets) await writeLinesDurablyAsync(files.assetsJson, [encode(assetsText)]);
      return markOf(files.file)!;
    },
  };
}
