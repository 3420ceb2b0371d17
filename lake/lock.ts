import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { DatasetFiles } from './dataset-files.ts';
import { writeFileDurably } from './durable-file.ts';

export type LakeLock = { pid: number; url: string; startedAt: string };

export type HeldLock = {
  /** Rewrites the URL once the server listens: claimed before, it may name port 0. */
  update(url: string): void;
  release(): void;
};

/**
 * While a lake runs it is the only writer of its dataset. The lock file says which process and
 * where it listens, so the importer can send its writes there instead (scripts/content.ts) and a second
 * lake refuses to start. A lock left by a process that no longer exists (kill -9) is taken over.
 */
export function claimLock(files: DatasetFiles, url: string): HeldLock {
  const held = runningLake(files.lock);
  if (held && held.pid !== process.pid) {
    throw new Error(`Another content lake (pid ${held.pid}, ${held.url}) already serves ${files.file}; stop it first.`);
  }
  const startedAt = new Date().toISOString();
  const write = (at: string) => writeFileDurably(files.lock, JSON.stringify({ pid: process.pid, url: at, startedAt } satisfies LakeLock) + '\n');
  write(url);
  const ours = () => runningLake(files.lock)?.pid === process.pid;
  return {
    update: (at) => {
      if (ours()) write(at);
    },
    release: () => {
      if (ours()) rmSync(files.lock, { force: true });
    },
  };
}

/** The lake that holds this lock file, if its process is alive. */
export function runningLake(lockFile: string): LakeLock | undefined {
  if (!existsSync(lockFile)) return undefined;
  let lock: LakeLock;
  try {
    lock = JSON.parse(readFileSync(lockFile, 'utf8')) as LakeLock;
  } catch {
    return undefined;
  }
  if (typeof lock.pid !== 'number' || typeof lock.url !== 'string') return undefined;
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? lock : undefined;
  }
}
