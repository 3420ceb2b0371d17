import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';
import { toolPath } from './tools.ts';

/*
 * A throwaway redis-server (Debian's package): its own port and temp dir, no persistence.
 * stop() is also how a test simulates an outage; restart() brings it back, empty, on the same port.
 */
export type RedisServer = { url: string; port: number; stop(): Promise<void>; restart(): Promise<void> };

export async function startRedis(): Promise<RedisServer> {
  const binary = toolPath('redis-server');
  const port = await freePort();
  let child: ChildProcess | undefined;
  let dir: string | undefined;

  const start = async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nmn-redis-'));
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
    child = spawn(binary, args, { stdio: 'ignore' });
    await waitForPort(port, 5000);
  };
  const stop = async () => {
    const current = child;
    child = undefined;
    if (current && current.exitCode === null && current.signalCode === null) {
      const exited = new Promise((resolve) => current.once('exit', resolve));
      current.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => child?.kill('SIGKILL'));

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}
