import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SanityClient } from '@sanity/client';
import { startLake, type RunningLake } from '../../lake/start.ts';
import type { LakeDocument } from '../../lake/types.ts';

/*
 * A local Content Lake for protocol tests: its own copy of the sample dataset in a temporary
 * folder (never the committed sample), a free port, no webhook, and Sanity's own client talking
 * to it the way the site and the importer configure it.
 */

const SAMPLE_DATASET = path.resolve(import.meta.dirname, '../../sanity/sample-dataset');

export type TestLake = RunningLake & { folder: string; client: SanityClient; log: string[]; stop(): Promise<void> };

/** Copies the sample dataset folder into a fresh temporary folder; returns that folder. */
export function sampleCopy(prefix = 'lake-protocol-'): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const folder = path.join(root, 'dataset');
  cpSync(SAMPLE_DATASET, folder, { recursive: true });
  return folder;
}

export function lakeClient(url: string): SanityClient {
  return createClient({
    projectId: 'no-project',
    dataset: 'production',
    apiHost: url,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
    token: 'x',
  });
}

export async function startTestLake(folder = sampleCopy()): Promise<TestLake> {
  const log: string[] = [];
  const lake = await startLake(
    {
      datasetPath: folder,
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'http://localhost:4343',
      projectId: 'no-project',
      dataset: 'production',
      open: true,
      webhookUrls: [],
    },
    (line) => log.push(line),
  );
  return {
    ...lake,
    folder,
    client: lakeClient(lake.url),
    log,
    async stop() {
      await lake.close();
      rmSync(path.dirname(folder), { recursive: true, force: true });
    },
  };
}

/** The documents of a dataset file as written on disk (export form), by id. */
export function datasetOnDisk(folder: string): Map<string, LakeDocument> {
  const lines = readFileSync(path.join(folder, 'data.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return new Map(lines.map((line) => JSON.parse(line) as LakeDocument).map((doc) => [doc._id, doc]));
}

/** The error a client call fails with (the test fails if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<{ statusCode: number; message: string; details: Record<string, unknown> }> {
  const error: unknown = await promise.then(
    () => new Error('expected the lake to refuse, but it accepted'),
    (caught: unknown) => caught,
  );
  const found = error as {
    statusCode?: number;
    message?: string;
    details?: Record<string, unknown>;
    response?: { body?: { error?: Record<string, unknown> } };
  };
  if (typeof found.statusCode !== 'number') throw error;
  return { statusCode: found.statusCode, message: found.message ?? '', details: found.details ?? found.response?.body?.error ?? {} };
}
