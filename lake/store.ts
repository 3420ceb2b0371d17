import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { uuid } from '@sanity/uuid';
import { isPublishedId } from '../lib/content/perspective.ts';
import { datasetFiles, ensureStateFolder, loadDataset, readAssetsJson, type DatasetFiles } from './dataset-files.ts';
import { createDatasetWriter, markOf, type FileMark } from './dataset-writer.ts';
import { appendDurably, writeFileDurably } from './durable-file.ts';
import { fromExportForm } from './export-form.ts';
import { claimLock } from './lock.ts';
import { readTranslog } from './translog.ts';
import { LakeError, type Change, type LakeDocument, type Transaction } from './types.ts';

/** What a transaction's builder reads and writes; nothing reaches the store unless the builder returns. */
export type Staging = {
  readonly transactionId: string;
  readonly timestamp: string;
  get(id: string): LakeDocument | undefined;
  put(doc: LakeDocument): LakeDocument;
  remove(id: string): void;
  /** Every document as the transaction leaves it so far (not copies: read only). */
  documents(): Iterable<LakeDocument>;
};

export type Store = {
  readonly files: DatasetFiles;
  get(id: string): LakeDocument | undefined;
  documents(): LakeDocument[];
  commit(options: { transactionId?: string; author: string }, build: (staging: Staging) => void): Transaction;
  /** Called at once for every commit (listeners). */
  onCommit(listener: (tx: Transaction) => void): () => void;
  /** Called once the dataset file holds these transactions (the webhook: the site reads that file). */
  onWritten(listener: (txs: Transaction[]) => void): () => void;
  translog(): readonly Transaction[];
  /** Writes the dataset file now if anything is pending. */
  flush(): Promise<void>;
  /** Records in the lock file where the lake listens, once it does (the importer sends its writes there). */
  listening(url: string): void;
  close(): Promise<void>;
};

export type StoreOptions = {
  datasetPath: string;
  imageUrlBase: string;
  fileUrlBase: string;
  url: string;
  log: (line: string) => void;
  now?: () => Date;
  /** How long draft-only changes wait before the dataset file is rewritten (published ones never wait). */
  compactDelayMs?: number;
};

type State = { compactedThrough: string | null; file: FileMark };

const sameMark = (a: FileMark | undefined, b: FileMark | undefined) => a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * The lake's documents. Every commit is appended to the translog and synced before it is applied
 * or answered, so an acknowledged transaction survives kill -9; the dataset file is then rewritten
 * in export form (atomically): at once when published content changed, since the site reads that
 * file and the webhook follows, else shortly after. On start the translog's tail past the last
 * rewrite is replayed, unless the dataset file was changed by someone else meanwhile.
 */
export function openStore(options: StoreOptions): Store {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const files = datasetFiles(options.datasetPath);
  ensureStateFolder(files);
  const lock = claimLock(files, options.url);
  const loaded = loadDataset(files, log);
  const docs = new Map<string, LakeDocument>();
  for (const doc of fromExportForm(loaded.docs, files.folder, options.imageUrlBase)) docs.set(doc._id, doc);
  const log_ = readTranslog(files.translog, log);
  const state = readState(files);
  const seen = new Set(log_.map((tx) => tx.id));
  const writer = createDatasetWriter(files, loaded, readAssetsJson(files));
  let dirty = false;

  if (state && sameMark(state.file, markOf(files.file))) {
    const from = state.compactedThrough ? log_.findIndex((tx) => tx.id === state.compactedThrough) + 1 : 0;
    const tail = log_.slice(from);
    for (const tx of tail) {
      for (const change of tx.changes) {
        applyChange(docs, change);
        writer.update(change);
      }
    }
    if (tail.length > 0) {
      log(`[lake] recovered ${tail.length} acknowledged transaction(s) from the translog`);
      dirty = true;
    }
  } else if (state) {
    log(`[lake] ${files.file} was changed outside the lake since it last wrote it: its content wins`);
  }

  const translogFd = openSync(files.translog, 'a');
  const listeners = new Set<(tx: Transaction) => void>();
  const writtenListeners = new Set<(txs: Transaction[]) => void>();
  let lastTime = Math.max(0, ...log_.slice(-1).map((tx) => Date.parse(tx.timestamp)));
  let timer: NodeJS.Timeout | undefined;
  let unwritten: Transaction[] = [];
  let writing: Promise<void> = Promise.resolve();

  const saveState = (mark: FileMark, through: string | null) =>
    writeFileDurably(files.state, JSON.stringify({ compactedThrough: through, file: mark } satisfies State) + '\n');

  /** One write at a time; each takes whatever is pending when it starts. */
  function compact(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      if (!dirty) return;
      dirty = false;
      const included = unwritten;
      unwritten = [];
      const through = log_.at(-1)?.id ?? null;
      try {
        saveState(await writer.write(), through);
      } catch (error) {
        // The translog still holds them: nothing acknowledged is lost, and the next write retries.
        log(`[lake] cannot write ${files.file}: ${(error as Error).message}`);
        unwritten = [...included, ...unwritten];
        dirty = true;
        return;
      }
      for (const listener of writtenListeners) listener(included);
    });
    return writing;
  }
  if (dirty) await0(compact());
  // First start on this dataset: nothing to write, only the mark that says which file the translog follows.
  else if (!state) saveState(markOf(files.file)!, log_.at(-1)?.id ?? null);

  function nextTimestamp(): string {
    lastTime = Math.max(now().getTime(), lastTime + 1);
    return new Date(lastTime).toISOString();
  }

  return {
    files,
    get: (id) => docs.get(id),
    documents: () => [...docs.values()],
    translog: () => log_,
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWritten(listener) {
      writtenListeners.add(listener);
      return () => writtenListeners.delete(listener);
    },
    commit({ transactionId, author }, build) {
      const id = transactionId ?? uuid();
      if (seen.has(id)) throw new LakeError(409, `Transaction ID "${id}" has already been used`, 'conflictError');
      const timestamp = nextTimestamp();
      const pending = new Map<string, LakeDocument | null>();
      const current = (docId: string) => (pending.has(docId) ? (pending.get(docId) ?? undefined) : docs.get(docId));
      build({
        transactionId: id,
        timestamp,
        get: (docId) => clone(current(docId)),
        put(doc) {
          const before = docs.get(doc._id);
          const written = { ...doc, _createdAt: doc._createdAt ?? before?._createdAt ?? timestamp, _updatedAt: timestamp, _rev: id };
          pending.set(doc._id, written);
          return clone(written)!;
        },
        remove(docId) {
          pending.set(docId, null);
        },
        *documents() {
          for (const [docId, doc] of docs) if (!pending.has(docId)) yield doc;
          for (const doc of pending.values()) if (doc) yield doc;
        },
      });
      const changes: Change[] = [];
      for (const [docId, after] of pending) {
        const before = docs.get(docId) ?? null;
        if (before || after) changes.push({ id: docId, before, after });
      }
      const tx: Transaction = { id, timestamp, author, changes };
      if (changes.length === 0) return tx;
      appendDurably(translogFd, JSON.stringify(tx) + '\n');
      seen.add(id);
      log_.push(tx);
      for (const change of changes) {
        applyChange(docs, change);
        writer.update(change);
      }
      dirty = true;
      unwritten.push(tx);
      // Published content is what the site reads: written at once. Drafts wait for a pause in typing.
      if (changes.some((change) => isPublishedId(change.id))) void compact();
      else timer ??= setTimeout(() => void compact(), options.compactDelayMs ?? 250);
      for (const listener of listeners) {
        try {
          listener(tx);
        } catch (error) {
          log(`[lake] a commit listener failed: ${(error as Error).stack ?? String(error)}`);
        }
      }
      return tx;
    },
    flush: compact,
    listening: (url) => lock.update(url),
    async close() {
      await compact();
      closeSync(translogFd);
      lock.release();
    },
  };
}

function applyChange(docs: Map<string, LakeDocument>, change: Change): void {
  if (change.after) docs.set(change.id, change.after);
  else docs.delete(change.id);
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

function await0(promise: Promise<void>): void {
  promise.catch(() => undefined);
}

function readState(files: DatasetFiles): State | undefined {
  if (!existsSync(files.state)) return undefined;
  try {
    return JSON.parse(readFileSync(files.state, 'utf8')) as State;
  } catch {
    rmSync(files.state, { force: true });
    return undefined;
  }
}
