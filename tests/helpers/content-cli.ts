import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * `npm run content -- <args>` as an editor runs it (Node 24, from the repository root), with
 * its exit code and both streams whether it succeeds or not. `input` goes to standard input.
 */
export function runContentCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): CliResult {
  try {
    const stdout = execFileSync(process.execPath, ['scripts/content.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input: options.input,
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/**
 * The same, without blocking this process: needed when the test itself serves what the command
 * talks to (an in-process Content Lake), which a synchronous child would wait on forever.
 */
export function runContentCliAsync(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/content.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1', ...options.env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
