import { test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { spawnVarnish } from '../../scripts/edge/varnish.ts';
import { SAMPLE_DATASET, SCALE_BUILD } from '../helpers/builds.ts';
import { copyDataset } from '../helpers/dataset.ts';
import { freePort } from '../helpers/ports.ts';
import { startRedis, type RedisServer } from '../helpers/redis.ts';
import { ROOT, startSite, type RunningSite } from '../helpers/site.ts';

/*
 * The production layout on one machine: Varnish with the shipped VCL (started as
 * `npm run edge` starts it) in front of two `next start` instances of the scale
 * build, sharing one Redis and one dataset copy; a WebSub hub fixture that
 * records each publish ping and fetches the feed it names through the edge, as
 * a real hub would. Instances purge the edge and ping the hub themselves
 * (EDGE_PURGE_URLS, WEBSUB_HUB_URL). EDGE_DIST_DIR picks another Redis build.
 */

export type HubPing = { mode: string | null; url: string | null; status?: number; body?: string };
export type EdgeStack = {
  edge: string;
  origins: RunningSite[];
  dataset: string;
  pings: HubPing[];
  stopOrigins(): Promise<void>;
  stop(): Promise<void>;
};

async function startHub(pings: HubPing[]): Promise<Server> {
  const hub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', async () => {
      const form = new URLSearchParams(body);
      const ping: HubPing = { mode: form.get('hub.mode'), url: form.get('hub.url') };
      pings.push(ping);
      response.writeHead(202).end();
      // What subscribers would get: the hub fetches the feed right after the ping.
      if (ping.url) {
        const feed = await fetch(ping.url).catch(() => undefined);
        ping.status = feed?.status;
        ping.body = await feed?.text();
      }
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  return hub;
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited (${child.exitCode}):\n${log()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    if (Date.now() > deadline) throw new Error(`the edge did not answer ${url} within 30 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A spec file's stack: started before its first test, stopped after its last; read it through the getter. */
export function edgeStackForSuite(): () => EdgeStack {
  let stack: EdgeStack | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    stack = await startEdgeStack();
  });
  test.afterAll(async () => stack?.stop());
  return () => {
    if (!stack) throw new Error('the edge stack did not start (see beforeAll)');
    return stack;
  };
}

export async function startEdgeStack(): Promise<EdgeStack> {
  const distDir = process.env.EDGE_DIST_DIR ?? SCALE_BUILD.distDir;
  const dataset = path.join(ROOT, '.tmp/edge/dataset');
  copyDataset(SAMPLE_DATASET, dataset);
  const pings: HubPing[] = [];
  const hub = await startHub(pings);
  const redis: RedisServer = await startRedis();
  const edgePort = await freePort();
  const edge = `http://127.0.0.1:${edgePort}`;
  const env = {
    ...SCALE_BUILD.env,
    CONTENT_DATASET: dataset,
    REDIS_URL: redis.url,
    SITE_URL: edge,
    EDGE_PURGE_URLS: edge,
    WEBSUB_HUB_URL: `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`,
  };
  const origins = await Promise.all([startSite({ distDir, env }), startSite({ distDir, env })]);
  const { child } = spawnVarnish(
    { port: edgePort, origins: origins.map((origin) => ({ host: '127.0.0.1', port: origin.port })), probeInterval: '500ms' },
    'pipe',
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  await waitFor(`${edge}/robots.txt`, child, () => output);

  const stopOrigins = async () => {
    await Promise.all(origins.map((origin) => origin.stop()));
  };
  return {
    edge,
    origins,
    dataset,
    pings,
    stopOrigins,
    async stop() {
      const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
      child.kill('SIGTERM');
      await exited;
      await stopOrigins();
      await redis.stop();
      hub.close();
    },
  };
}
