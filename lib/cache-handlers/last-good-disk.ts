import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * The content source's last good results on disk, in the build folder beside
 * the page cache (lib/content/sources/stale-if-error.ts keeps them in memory,
 * which a restart empties). `next build` runs every query its prerendered pages
 * need, so it seeds this folder: a server started from a fresh build, then a
 * webhook, then a failing source still renders those pages from here.
 *
 * One file per query (its key's hash), written whole under a temporary name and
 * renamed, so a reader never sees half a result and the build's workers may
 * write the same key at once. Bounded: at most `maxEntries` files, the least
 * recently written removed first (what was there when the process first wrote
 * counts as older than anything it wrote; several processes sharing a folder
 * each keep their own count, so the bound is per process).
 */

export const DEFAULT_MAX_FILES = 10_000;

export type DiskLastGoodOptions = {
  maxEntries?: number;
  /**
   * Write before returning. `next build` ends its workers as soon as the pages are rendered, which
   * would drop writes still under way; a running server writes in the background instead.
   */
  sync?: boolean;
};

export type DiskLastGood = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
  /** True when a result was there to remove. */
  delete(key: string): Promise<boolean>;
};

const nameOf = (key: string) => `${createHash('sha256').update(key).digest('base64url')}.json`;
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** True when the file was there to remove; false when it was not; any other failure thrown. */
function removed(remove: () => void): boolean {
  try {
    remove();
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
const removedLater = (removal: Promise<void>) => removal.then(
  () => true,
  (error: unknown) => {
    if (isMissing(error)) return false;
    throw error;
  },
);

export function diskLastGood(folder: string, options: DiskLastGoodOptions = {}): DiskLastGood {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_FILES;
  const sync = options.sync ?? false;
  // File names in the order they were written, oldest first; read from the folder at the first write.
  let written: Map<string, true> | undefined;
  // Writes of one key in the order they were asked for: a slow older write must not land last.
  const pending = new Map<string, Promise<void>>();
  let sequence = 0;

  const temporaryOf = (name: string) => path.join(folder, `.${name}.${process.pid}.${(sequence += 1)}.tmp`);

  function listed(names: string[]): Map<string, true> {
    return new Map(names.filter((name) => name.endsWith('.json')).map((name) => [name, true] as const));
  }

  /** Records `name` as the newest and returns the names now over the bound. */
  function admit(name: string): string[] {
    const order = written!;
    order.delete(name);
    order.set(name, true);
    const evicted: string[] = [];
    for (const oldest of order.keys()) {
      if (order.size - evicted.length <= maxEntries) break;
      evicted.push(oldest);
    }
    for (const gone of evicted) order.delete(gone);
    return evicted;
  }

  function writeSync(name: string, text: string) {
    if (!written) {
      mkdirSync(folder, { recursive: true });
      written = listed(readdirSync(folder));
    }
    const temporary = temporaryOf(name);
    writeFileSync(temporary, text);
    renameSync(temporary, path.join(folder, name));
    for (const gone of admit(name)) rmSync(path.join(folder, gone), { force: true });
  }

  async function write(name: string, text: string) {
    if (!written) {
      await mkdir(folder, { recursive: true });
      written ??= listed(await readdir(folder));
    }
    const temporary = temporaryOf(name);
    try {
      await writeFile(temporary, text);
      await rename(temporary, path.join(folder, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await Promise.all(admit(name).map((gone) => rm(path.join(folder, gone), { force: true })));
  }

  return {
    async get(key) {
      try {
        return await readFile(path.join(folder, nameOf(key)), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async set(key, text) {
      const name = nameOf(key);
      if (sync) return writeSync(name, text);
      const previous = pending.get(name) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => write(name, text));
      pending.set(name, next);
      try {
        await next;
      } finally {
        if (pending.get(name) === next) pending.delete(name);
      }
    },
    delete(key) {
      const name = nameOf(key);
      written?.delete(name);
      if (sync) return Promise.resolve(removed(() => rmSync(path.join(folder, name))));
      return (pending.get(name)?.catch(() => undefined) ?? Promise.resolve()).then(() => removedLater(rm(path.join(folder, name))));
    },
  };
}
