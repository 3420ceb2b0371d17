import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/*
 * The external programs the suites drive. A test that needs one calls requireTool: under CI a
 * missing tool fails the run (a suite that silently skips proves nothing); on a developer's
 * machine it says what is missing and lets the caller skip.
 */
const OVERRIDES: Record<string, string | undefined> = {
  chromium: process.env.CHROMIUM_PATH,
  'redis-server': process.env.REDIS_SERVER_PATH,
  varnishd: process.env.VARNISHD_PATH,
};
// varnishd lives in /usr/sbin, which is not on every user's PATH.
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

/** The absolute path of an executable, or undefined when it is not installed. */
export function findTool(name: string): string | undefined {
  const override = OVERRIDES[name];
  if (override) return isExecutable(override) ? override : undefined;
  if (name === 'feedparser') return hasFeedparser() ? 'python3 -c "import feedparser"' : undefined;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...EXTRA_DIRS].filter(Boolean);
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable);
}

/** True when the tool is there. Missing: throws under CI, otherwise warns and returns false. */
export function requireTool(name: string): boolean {
  if (findTool(name)) return true;
  const message = `${name} is not installed: run scripts/setup-test-env.sh (as root it installs it with apt-get)`;
  if (process.env.CI) throw new Error(`${message}. Under CI a missing tool fails the run instead of skipping its tests.`);
  console.warn(`warning: ${message}; skipping the tests that need it (under CI this fails).`);
  return false;
}

/** The path of a tool the caller cannot do without: throws with the same advice when missing. */
export function toolPath(name: string): string {
  const found = findTool(name);
  if (!found) throw new Error(`${name} is not installed: run scripts/setup-test-env.sh`);
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasFeedparser(): boolean {
  return spawnSync('python3', ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0;
}
