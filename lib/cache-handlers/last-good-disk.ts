import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * The content source's last good results on disk, in the build folder beside
 * the page cache (lib/content/sources/stale-if-error.ts keeps them in memory,
 * which a restart empties). One file per query, named by its key's hash:
 * - `build/`: what `next build` read for the pages it prerendered. A running
 *   server rewrites these in place when a result changes, and never removes
 *   one, so no flood of other queries can push the build's pages out;
 * - `served/`: every other query a running server answered, at most
 *   `maxEntries` files, the least recently written removed first (processes
 *   sharing a folder each keep their own count, from what it held when they
 *   first wrote).
 * A file is written whole under a temporary name and renamed, so a reader never
 * sees half a result and several processes may write the same key at once.
 */

export const DEFAULT_MAX_FILES = 10_000;

export type DiskLastGoodOptions = {
  maxEntries?: number;
  /**
   * `next build`: write into `build/`, before returning. The build ends its workers as soon as the
   * pages are rendered, which would drop writes still under way; a running server writes in the background.
   */
  building?: boolean;
};

export type DiskLastGood = {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
};

const nameOf = (key: string) => `${createHash('sha256').update(key).digest('base64url')}.json`;
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The result files in `dir`, in the order the folder lists them; none when it does not exist. */
function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** The result files in `dir`, oldest first, read once per process. */
function filesByAge(dir: string): string[] {
  const ages = filesIn(dir).map((name) => {
    try {
      return { name, written: statSync(path.join(dir, name)).mtimeMs };
    } catch {
      return { name, written: 0 };
    }
  });
  return ages.sort((a, b) => a.written - b.written).map((file) => file.name);
}

export function diskLastGood(folder: string, options: DiskLastGoodOptions = {}): DiskLastGood {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_FILES;
  const building = options.building ?? false;
  const buildDir = path.join(folder, 'build');
  const servedDir = path.join(folder, 'served');
  // Read once, at the first use: the build's files do not change under a running server.
  let builtNames: Set<string> | undefined;
  // The served files in the order they were written, oldest first.
  let served: Map<string, true> | undefined;
  // Writes of one key in the order they were asked for: a slow older write must not land last.
  const pending = new Map<string, Promise<void>>();
  let sequence = 0;

  const temporaryIn = (dir: string, name: string) => path.join(dir, `.${name}.${process.pid}.${(sequence += 1)}.tmp`);
  const isBuilt = (name: string) => (builtNames ??= new Set(filesIn(buildDir))).has(name);

  /** Records a served file as the newest; returns the names now over the bound. */
  function admit(name: string): string[] {
    served ??= new Map(filesByAge(servedDir).map((file) => [file, true] as const));
    served.delete(name);
    served.set(name, true);
    const evicted: string[] = [];
    for (const oldest of served.keys()) {
      if (served.size - evicted.length <= maxEntries) break;
      evicted.push(oldest);
    }
    for (const gone of evicted) served.delete(gone);
    return evicted;
  }

  async function write(name: string, text: string) {
    const built = isBuilt(name);
    const dir = built ? buildDir : servedDir;
    await mkdir(dir, { recursive: true });
    const temporary = temporaryIn(dir, name);
    try {
      await writeFile(temporary, text);
      await rename(temporary, path.join(dir, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    if (!built) await Promise.all(admit(name).map((gone) => rm(path.join(servedDir, gone), { force: true })));
  }

  return {
    async get(key) {
      const name = nameOf(key);
      try {
        return await readFile(path.join(isBuilt(name) ? buildDir : servedDir, name), 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async set(key, text) {
      const name = nameOf(key);
      if (building) {
        mkdirSync(buildDir, { recursive: true });
        const temporary = temporaryIn(buildDir, name);
        writeFileSync(temporary, text);
        return renameSync(temporary, path.join(buildDir, name));
      }
      const previous = pending.get(name) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => write(name, text));
      pending.set(name, next);
      try {
        await next;
      } finally {
        if (pending.get(name) === next) pending.delete(name);
      }
    },
  };
}
