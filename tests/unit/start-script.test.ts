import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lakeEnvironment, siteOrigin, start, supervise, usesSanityProject, waitForListening, type Command, type Env } from '../../scripts/start.ts';

/*
 * `npm start` (scripts/start.ts): the environment it gives the lake and the site, and how it runs
 * them, with stand-in children in place of lake/main.ts and `next start`. A stand-in writes what
 * it was given (args, secret, webhook URL) to <dir>/<name>.json and <name>.SIGTERM (or .SIGINT) when asked to stop.
 */

const dir = mkdtempSync(join(tmpdir(), 'start-script-'));
const STANDIN = join(dir, 'standin.mjs');
writeFileSync(
  STANDIN,
  `import { writeFileSync } from 'node:fs';
const [name, mode, ...args] = process.argv.slice(2);
const out = (suffix, text) => writeFileSync(${JSON.stringify(dir)} + '/' + name + suffix, text);
// Each signal is written down; the exit waits a moment so that a repeated one would be too.
const seen = [];
if (mode !== 'bare') for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { seen.push(signal); out('.' + signal, seen.join(' ')); setTimeout(() => process.exit(0), 100); });
setTimeout(() => process.exit(9), 30_000);
// Written once it can take signals, so a test that waits for this file may send one.
out('.json', JSON.stringify({ args, secret: process.env.SANITY_REVALIDATE_SECRET, urls: process.env.CONTENT_LAKE_WEBHOOK_URLS }));
if (mode === 'exit') process.exit(Number(process.env.STANDIN_CODE ?? 3));
if (mode === 'listen') {
  process.stdout.write('reading the dataset\\ncontent lake list');
  setTimeout(() => process.stdout.write('ening on http://127.0.0.1:4343\\n'), 20);
}
setInterval(() => {}, 1000);
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A fresh name per stand-in, so no test reads another's files. */
function standin(mode: string): { command: (args?: string[]) => Command; file: (suffix: string) => string } {
  count += 1;
  const name = `${mode}-${count}`;
  return { command: (args = []) => ({ command: process.execPath, args: [STANDIN, name, mode, ...args] }), file: (suffix) => join(dir, `${name}${suffix}`) };
}
function run(mode: string) {
  const { command, file } = standin(mode);
  const { command: exe, args } = command();
  const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return { child, file };
}
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const given = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { args: string[]; secret?: string; urls?: string };

describe('lakeEnvironment', () => {
  it('generates a secret both children share when none is set, and keeps one that is', () => {
    const first = lakeEnvironment({ PATH: '/bin' });
    expect(first.generatedSecret).toBe(true);
    expect(first.env.SANITY_REVALIDATE_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.env.PATH).toBe('/bin');
    expect(lakeEnvironment({}).env.SANITY_REVALIDATE_SECRET).not.toBe(first.env.SANITY_REVALIDATE_SECRET);
    expect(lakeEnvironment({ SANITY_REVALIDATE_SECRET: '  ' }).generatedSecret).toBe(true);
    const kept = lakeEnvironment({ SANITY_REVALIDATE_SECRET: 'mine'.repeat(8) });
    expect(kept).toEqual({ generatedSecret: false, env: expect.objectContaining({ SANITY_REVALIDATE_SECRET: 'mine'.repeat(8) }) });
  });

  it('points the webhook at the site it starts, on the port next start will use', () => {
    const urls = (env: Env, args: string[] = []) => lakeEnvironment(env, args).env.CONTENT_LAKE_WEBHOOK_URLS;
    expect(urls({})).toBe('http://localhost:3000/api/revalidate');
    expect(urls({ PORT: '4000' })).toBe('http://localhost:4000/api/revalidate');
    expect(urls({ PORT: '4000' }, ['-p', '5000'])).toBe('http://localhost:5000/api/revalidate');
    expect(urls({}, ['--port=5001', '-H', '127.0.0.1'])).toBe('http://127.0.0.1:5001/api/revalidate');
    expect(urls({ CONTENT_LAKE_WEBHOOK_URLS: 'http://a/api/revalidate,http://b/api/revalidate' })).toBe('http://a/api/revalidate,http://b/api/revalidate');
    expect(siteOrigin(['--hostname', '::1'], {})).toBe('http://[::1]:3000');
    expect(siteOrigin(['-H=0.0.0.0'], {})).toBe('http://localhost:3000');
  });

  it('runs the lake only without a Sanity project id', () => {
    expect(usesSanityProject({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123' })).toBe(true);
    expect(usesSanityProject({ NEXT_PUBLIC_SANITY_PROJECT_ID: ' ' })).toBe(false);
    expect(usesSanityProject({})).toBe(false);
  });
});

describe('waitForListening', () => {
  it('resolves with the URL the lake logs, even split across writes, and copies its output', async () => {
    const { child } = run('listen');
    const out = new PassThrough();
    let copied = '';
    out.on('data', (chunk: Buffer) => (copied += chunk.toString()));
    await expect(waitForListening(child, out)).resolves.toBe('http://127.0.0.1:4343');
    expect(copied).toContain('reading the dataset');
  });

  it('fails when the lake exits first or says nothing in time', async () => {
    await expect(waitForListening(run('exit').child, new PassThrough())).rejects.toThrow(/exited before it listened \(code 3\)/);
    await expect(waitForListening(run('silent').child, new PassThrough(), 300)).rejects.toThrow(/within 0.3 s/);
  });
});

describe('supervise', () => {
  it('stops the other child and fails when one exits', async () => {
    const lake = run('serve');
    const site = run('serve');
    const lines: string[] = [];
    const outcome = supervise({ lake: lake.child, site: site.child }, new EventEmitter(), (line) => lines.push(line));
    await until(() => existsSync(lake.file('.json')) && existsSync(site.file('.json')), 'both stand-ins');
    lake.child.kill('SIGKILL');
    await expect(outcome).resolves.toBe(1);
    expect(existsSync(site.file('.SIGTERM'))).toBe(true);
    expect(lines).toEqual([expect.stringMatching(/lake exited \(SIGKILL\)/)]);
  });

  it("forwards SIGTERM to both once, npm's echo included, and succeeds on a requested shutdown", async () => {
    const lake = run('serve');
    const site = run('serve');
    const signals = new EventEmitter();
    const outcome = supervise({ lake: lake.child, site: site.child }, signals, () => undefined);
    await until(() => existsSync(lake.file('.json')) && existsSync(site.file('.json')), 'both stand-ins');
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(outcome).resolves.toBe(0);
    expect([readFileSync(lake.file('.SIGTERM'), 'utf8'), readFileSync(site.file('.SIGTERM'), 'utf8')]).toEqual(['SIGTERM', 'SIGTERM']);
    expect([lake.child.exitCode, site.child.exitCode]).toEqual([0, 0]);
  });
});

describe('start', () => {
  it('starts the site once the lake listens, both with one generated secret and the webhook on its port', async () => {
    const lake = standin('listen');
    const site = standin('serve');
    const signals = new EventEmitter();
    const lines: string[] = [];
    const outcome = start({
      args: ['-p', '4555'],
      env: { PATH: process.env.PATH },
      lake: lake.command(),
      site: site.command,
      signals,
      log: (line) => lines.push(line),
      out: new PassThrough(),
    });
    await until(() => existsSync(site.file('.json')), 'the site stand-in');
    const [fromLake, fromSite] = [given(lake.file('.json')), given(site.file('.json'))];
    expect(fromLake.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fromSite.secret).toBe(fromLake.secret);
    expect(fromLake.urls).toBe('http://localhost:4555/api/revalidate');
    expect(fromSite.args).toEqual(['-p', '4555']);
    expect(lines).toEqual([expect.stringContaining('the Studio is at http://localhost:4555/studio, using the local Content Lake at http://127.0.0.1:4343')]);
    signals.emit('SIGINT', 'SIGINT');
    await expect(outcome).resolves.toBe(0);
    expect([existsSync(lake.file('.SIGINT')), existsSync(site.file('.SIGINT'))]).toEqual([true, true]);
  });

  it('does not start the site when the lake cannot start, and fails', async () => {
    const lake = standin('exit');
    const site = standin('serve');
    const lines: string[] = [];
    const code = await start({
      args: [],
      env: {},
      lake: lake.command(),
      site: site.command,
      signals: new EventEmitter(),
      log: (line) => lines.push(line),
      out: new PassThrough(),
    });
    expect(code).toBe(1);
    expect(existsSync(lake.file('.json'))).toBe(true);
    expect(existsSync(site.file('.json'))).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/Content Lake exited before it listened/)]);
  });

  it.each([
    ['PREVIEW_SECRET', 'short'],
    ['SANITY_REVALIDATE_SECRET', 'short'],
    ['SITE_URL', 'notaurl'],
    ['CONTENT_LAKE_PORT', '0'],
  ])('with %s=%s starts nothing and fails, naming the variable', async (name, value) => {
    const lake = standin('listen');
    const site = standin('serve');
    const lines: string[] = [];
    const code = await start({
      args: [],
      env: { [name]: value },
      lake: lake.command(),
      site: site.command,
      signals: new EventEmitter(),
      log: (line) => lines.push(line),
      out: new PassThrough(),
    });
    expect(code).toBe(1);
    expect([existsSync(lake.file('.json')), existsSync(site.file('.json'))]).toEqual([false, false]);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^start: Invalid environment: ${name}: `))]);
  });

  it('with a Sanity project runs next start alone and exits as it does', async () => {
    const lake = standin('listen');
    const site = standin('exit');
    const env = { NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123', STANDIN_CODE: '7' };
    await expect(start({ args: ['-p', '4556'], env, lake: lake.command(), site: site.command, signals: new EventEmitter() })).resolves.toBe(7);
    expect(given(site.file('.json'))).toEqual({ args: ['-p', '4556'] });
    expect(existsSync(lake.file('.json'))).toBe(false);
  });

  it('with a Sanity project forwards SIGTERM and reports the signal as a shell would', async () => {
    const site = standin('bare');
    const signals = new EventEmitter();
    const outcome = start({ args: [], env: { NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123' }, site: site.command, signals });
    await until(() => existsSync(site.file('.json')), 'the site stand-in');
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(outcome).resolves.toBe(143);
  });
});
