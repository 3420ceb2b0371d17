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
 * a time, so writing the file costs a join and a write, not a conversion of every document: on a
 * 10,000-article archive a whole conversion held every request for most of a second.
 */
export function createDatasetWriter(files: DatasetFiles, loaded: LoadedDataset, assets: Record<string, unknown>) {
  const lines = new Map<string, string>(loaded.docs.map((doc, index) => [doc._id, loaded.lines[index]!]));
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
      if (doc) lines.set(change.id, JSON.stringify(doc));
      for (const [id, record] of Object.entries(exported.assets)) {
        assetRecords.set(id, record);
        assetsChanged = true;
      }
    },
    /** Writes the file as it is now; what changes after the call waits for the next write. */
    async write(): Promise<FileMark> {
      // A copy of the references only: the slices are joined while later commits go on.
      const all = [...lines.values(), ...loaded.unreadable];
      const writeAssets = assetsChanged;
      const assetsText = JSON.stringify(Object.fromEntries(assetRecords), null, 2);
      assetsChanged = false;
      await writeLinesDurablyAsync(files.file, all);
      if (writeAssets) await writeLinesDurablyAsync(files.assetsJson, [assetsText]);
      return markOf(files.file)!;
    },
  };
}
