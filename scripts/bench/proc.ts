import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/* Processes for the benchmark: builds timed with their peak memory, servers, /proc readings. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start past the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(Number(entry), pages * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export type TimedBuild = { seconds: number; peakRssBytes: number; log: string };

/**
 * `next build` under /tmp/next-build.lock (shared with everyone building here). The clock
 * starts once the lock is ours, so waiting for another engineer's build is not counted.
 */
export function timedBuild(root: string, env: NodeJS.ProcessEnv): Promise<TimedBuild> {
  return new Promise((resolve, reject) => {
    const child = spawn('flock', ['/tmp/next-build.lock', 'sh', '-c', 'echo BENCH_LOCKED; exec node_modules/.bin/next build'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let started = 0;
    let peak = 0;
    const poll = setInterval(() => {
      if (started) peak = Math.max(peak, treeRss(child.pid!));
    }, 200);
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (!started && text.includes('BENCH_LOCKED')) started = performance.now();
      log += text;
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`next build failed (${code}):\n${log.slice(-3000)}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakRssBytes: peak, log });
    });
  });
}

export type Server = { pid: number; url: string; stop(): Promise<void> };

/**
 * Starts a long-running process and waits until `readyUrl` answers. Refuses a port something
 * already answers on: a server left over from an earlier run would answer for this one, and its
 * figures (old pages, chunks it no longer has) would be printed as this build's.
 */
export async function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; readyUrl: string; url: string },
): Promise<Server> {
  const squatter = await fetch(options.readyUrl).then(
    () => true,
    () => false,
  );
  if (squatter) throw new Error(`${options.url} already answers before ${command} started: stop the server left on that port`);
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(options.readyUrl);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${command} did not answer on ${options.readyUrl}: ${stderr}`);
      await sleep(200);
    }
  }
  return {
    pid: child.pid!,
    url: options.url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
