import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import path from 'node:path';
import { environmentProblem } from '../lib/env.ts';

/*
 * `npm start [-- next start options]`. With a Sanity project configured it is `next start` and
 * nothing else. Without one it also runs the local Content Lake (lake/main.ts) the Studio at
 * /studio writes to, and the two live and die together: a newcomer's `npm start` gives a site and
 * a Studio that publishes to it, with no account. The lake's webhook reaches the site with a
 * secret both share, generated here when SANITY_REVALIDATE_SECRET is not set.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
export const LISTENING = /content lake listening on (http:\/\/\S+)/;
const [READY_TIMEOUT_MS, KILL_AFTER_MS] = [15_000, 10_000];
// Ctrl-C reaches npm and this process, and npm echoes it here: the children run detached so each
// gets one signal, from here. A closed terminal (SIGHUP) stops them too.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** An environment as given (process.env, or a test's own): Next's types would demand NODE_ENV. */
export type Env = Record<string, string | undefined>;
export type Command = { command: string; args: string[] };
export const lakeCommand: Command = { command: process.execPath, args: [path.join(ROOT, 'lake/main.ts')] };
export const nextCommand = (args: string[]): Command => ({
  command: process.execPath,
  args: [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', ...args],
});

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** With a project id the Studio talks to Sanity and no lake runs (as the site reads it: blank is unset). */
export const usesSanityProject = (env: Env) => isSet(env.NEXT_PUBLIC_SANITY_PROJECT_ID);

/** The value of `next start`'s `-p`/`--port` or `-H`/`--hostname` (`-p 4000`, `--port=4000`). */
function option(args: string[], short: string, long: string): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === short || arg === long) return args[i + 1];
    for (const name of [short, long]) if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** Where the site will answer on this machine: `next start`'s port (args, then PORT, then 3000) and host. */
export function siteOrigin(args: string[], env: Env): string {
  const port = option(args, '-p', '--port') ?? (isSet(env.PORT) ? env.PORT.trim() : '3000');
  const host = option(args, '-H', '--hostname');
  const name = !host || ['0.0.0.0', '::', '[::]'].includes(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * The environment both children get: the given one, plus a fresh revalidate secret when none is
 * set (the lake signs with it, the site checks it), plus the webhook's URL, the site started here,
 * when none is given. Everything set by the caller is kept as it is.
 */
export function lakeEnvironment(env: Env, args: string[] = []): { env: Env; generatedSecret: boolean } {
  const generatedSecret = !isSet(env.SANITY_REVALIDATE_SECRET);
  return {
    generatedSecret,
    env: {
      ...env,
      ...(generatedSecret ? { SANITY_REVALIDATE_SECRET: randomBytes(32).toString('hex') } : {}),
      ...(isSet(env.CONTENT_LAKE_WEBHOOK_URLS) ? {} : { CONTENT_LAKE_WEBHOOK_URLS: `${siteOrigin(args, env)}/api/revalidate` }),
    },
  };
}

// A command that could not be run at all (ENOENT) has no pid and never emits 'exit'.
const running = (child: ChildProcess) => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (!running(child)) return Promise.resolve({ code: child.exitCode ?? (child.signalCode ? null : 1), signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** SIGTERM, then SIGKILL if it has not gone after a grace period; resolves once it has exited. */
export async function stop(child: ChildProcess, graceMs = KILL_AFTER_MS): Promise<void> {
  if (!running(child)) return;
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(force);
}

/**
 * Resolves with the lake's URL once it logs that it listens (its output is copied to `out` all
 * along); rejects, saying why, if it exits first or stays silent past the timeout.
 */
export function waitForListening(child: ChildProcess, out: NodeJS.WritableStream, timeoutMs = READY_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      settle();
    };
    const onData = (chunk: Buffer) => {
      // A line may arrive split across chunks: match on the recent output, not on each chunk.
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      const match = LISTENING.exec(seen);
      if (match) done(() => resolve(match[1]!));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(() => reject(new Error(`the Content Lake exited before it listened (${signal ?? `code ${code}`})`)));
    const timer = setTimeout(() => done(() => reject(new Error(`the Content Lake did not say it was listening within ${timeoutMs / 1000} s`))), timeoutMs);
    child.stdout?.pipe(out, { end: false });
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => done(() => reject(error)));
  });
}

/**
 * Runs until either child exits or a signal asks to stop: passes the first SIGINT/SIGTERM on to both
 * (SIGHUP as SIGTERM; a repeat is npm's echo, not a second request), stops the survivor (SIGKILL
 * after a grace period), and resolves 0 for a requested shutdown, 1 otherwise.
 */
export async function supervise(children: Record<string, ChildProcess>, signals: EventEmitter, log: (line: string) => void): Promise<number> {
  let requested = false;
  const list = Object.values(children);
  const onSignal = (signal: NodeJS.Signals) => {
    if (requested) return;
    requested = true;
    for (const child of list) if (running(child)) child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  };
  const handlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) signals.on(signal, handler);
  try {
    const [name, end] = await Promise.race(Object.entries(children).map(async ([label, child]) => [label, await exited(child)] as const));
    if (!requested) log(`start: ${name} exited (${end.signal ?? `code ${end.code}`}); stopping the rest`);
    await Promise.all(list.map((child) => stop(child)));
    return requested ? 0 : 1;
  } finally {
    for (const [signal, handler] of handlers) signals.off(signal, handler);
  }
}

export type StartOptions = {
  args: string[];
  env: Env;
  lake?: Command;
  site?: (args: string[]) => Command;
  signals?: EventEmitter;
  log?: (line: string) => void;
  out?: NodeJS.WritableStream;
  readyTimeoutMs?: number;
};

function launch({ command, args }: Command, env: Env, stdout: 'pipe' | 'inherit', log: (line: string) => void) {
  const child = spawn(command, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', stdout, 'inherit'], detached: true });
  child.on('error', (error) => log(`start: could not run ${[command, ...args].join(' ')}: ${error.message}`));
  return child;
}

/** `next start` alone, as if exec'd (each signal passed on): its exit code, or 128 + the signal that ended it. */
export async function startSiteOnly({ args, env, site = nextCommand, signals = process, log = console.error }: StartOptions): Promise<number> {
  const child = launch(site(args), env, 'inherit', log);
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of SIGNALS) signals.on(signal, forward);
  const { code, signal } = await exited(child);
  for (const signal of SIGNALS) signals.off(signal, forward);
  return code ?? (signal ? 128 + constants.signals[signal] : 1);
}

/** The lake, then (once it listens) the site, sharing one secret; see supervise() for the rest. */
export async function startWithLake(options: StartOptions): Promise<number> {
  const { args, lake = lakeCommand, site = nextCommand, signals = process, log = console.log, out = process.stdout } = options;
  const { env, generatedSecret } = lakeEnvironment(options.env, args);
  const lakeChild = launch(lake, env, 'pipe', log);
  // Ctrl-C while the lake is starting stops it, and the site is never started.
  let requested = false;
  const abort = () => ((requested = true), lakeChild.kill('SIGTERM'));
  for (const signal of SIGNALS) signals.on(signal, abort);
  let lakeUrl: string;
  try {
    lakeUrl = await waitForListening(lakeChild, out, options.readyTimeoutMs);
  } catch (error) {
    if (!requested) log(`start: ${(error as Error).message}; not starting the site`);
    await stop(lakeChild);
    return requested ? 0 : 1;
  } finally {
    for (const signal of SIGNALS) signals.off(signal, abort);
  }
  const siteChild = launch(site(args), env, 'inherit', log);
  const secretNote = generatedSecret ? '; SANITY_REVALIDATE_SECRET generated for this run, shared by the lake and the site' : '';
  log(
    `start: the Studio is at ${siteOrigin(args, env)}/studio, using the local Content Lake at ${lakeUrl} (no NEXT_PUBLIC_SANITY_PROJECT_ID set)${secretNote}`,
  );
  return supervise({ 'the Content Lake': lakeChild, 'the site (next start)': siteChild }, signals, log);
}

export async function start(options: StartOptions): Promise<number> {
  // instrumentation.ts stops the site too, but once `next start` has bound its port; here nothing listens yet.
  const problem = environmentProblem(options.env);
  if (problem === undefined) return usesSanityProject(options.env) ? startSiteOnly(options) : startWithLake(options);
  (options.log ?? console.error)(`start: ${problem}`);
  return 1;
}

if (import.meta.main) {
  const failed = (error: unknown) => (console.error(`start: ${(error as Error).message}`), 1);
  start({ args: process.argv.slice(2), env: process.env })
    .catch(failed)
    .then((code) => process.exit(code));
}
