import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './ports.ts';

/*
 * The lake as `npm run lake` runs it: its own process (so a test can kill -9 it), on a dataset
 * folder, a free port and no webhook unless `env` asks for one (CONTENT_LAKE_WEBHOOK_URLS and
 * SANITY_REVALIDATE_SECRET, as scripts/start.ts gives them).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

export type LakeProcess = {
  child: ChildProcess;
  url: string;
  port: number;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill9(): Promise<void>;
};

function launch(folder: string, port: number, extra: Record<string, string> = {}): Omit<LakeProcess, 'url'> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
  // A configured project would make the lake refuse to run; SANITY_* secrets would switch webhooks on.
  for (const name of [
    'NEXT_PUBLIC_SANITY_PROJECT_ID',
    'NEXT_PUBLIC_SANITY_DATASET',
    'SANITY_REVALIDATE_SECRET',
    'CONTENT_LAKE_TOKEN',
    'CONTENT_LAKE_PUBLIC_URL',
  ])
    delete env[name];
  const child = spawn(NODE, ['lake/main.ts'], {
    cwd: ROOT,
    env: { ...env, CONTENT_DATASET: folder, CONTENT_LAKE_PORT: String(port), CONTENT_LAKE_HOST: '127.0.0.1', CONTENT_LAKE_WEBHOOK_URLS: 'none', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    port,
    output: () => output,
    exited,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Starts a lake process and resolves once it says it listens (rejects, with its output, if it exits first). */
export async function spawnLake(folder: string, port?: number, env: Record<string, string> = {}): Promise<LakeProcess> {
  const lake = launch(folder, port ?? (await freePort()), env);
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the lake did not start within 20 s:\n${lake.output()}`)), 20_000);
    const check = () => {
      if (!lake.output().includes('content lake listening on')) return;
      clearTimeout(deadline);
      resolve();
    };
    lake.child.stdout!.on('data', check);
    void lake.exited.then((code) => {
      clearTimeout(deadline);
      reject(new Error(`the lake exited (${code}) before listening:\n${lake.output()}`));
    });
  });
  return { ...lake, url: `http://127.0.0.1:${lake.port}` };
}

/** Starts a lake process expected to refuse: its exit code and what it said. */
export async function refusedLake(folder: string): Promise<{ code: number | null; output: string }> {
  const lake = launch(folder, await freePort());
  const deadline = setTimeout(() => lake.child.kill('SIGKILL'), 20_000);
  const code = await lake.exited;
  clearTimeout(deadline);
  return { code, output: lake.output() };
}
