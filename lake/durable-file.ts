import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { open, rename } from 'node:fs/promises';

/**
 * Writes a whole file so that a crash at any moment leaves either the old file or the new one,
 * never a torn one: a temporary file in the same folder, synced, renamed over the target, and the
 * folder synced so the rename itself survives a power cut.
 */
export function writeFileDurably(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    syncFolder(dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Appends to an open file and syncs it before returning: what returns is on disk. */
export function appendDurably(fd: number, text: string): void {
  writeSync(fd, Buffer.from(text, 'utf8'));
  fsyncSync(fd);
}

export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * writeFileDurably for a file of many lines, each already encoded with its newline, handed to the
 * kernel a slice at a time (writev): the archive's dataset is tens of MB, and encoding it on the
 * lake's thread held every request for as long.
 */
export async function writeLinesDurablyAsync(file: string, lines: readonly Uint8Array[], sliceSize = 1000): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      for (let start = 0; start < lines.length; start += sliceSize) {
        const slice = lines.slice(start, start + sliceSize);
        const { bytesWritten } = await handle.writev(slice);
        // libuv writes all or fails; a short count would be a torn file, so it is refused, never renamed.
        const expected = slice.reduce((sum, line) => sum + line.byteLength, 0);
        if (bytesWritten !== expected) throw new Error(`wrote ${bytesWritten} of ${expected} bytes to ${temp}`);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    syncFolder(dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
