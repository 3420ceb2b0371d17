import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout rules of docs/where-code-lives.md, checked over the source tree:
 * each fails, naming the file, when someone puts code behind the wrong door.
 */

const ROOT = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const importsOf = (text: string) => [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] ?? '' }));

describe('code lives where docs/where-code-lives.md says', () => {
  it('components import only types from lib/content', () => {
    const offenders = filesUnder('components').flatMap((file) =>
      importsOf(read(file))
        .filter((entry) => entry.from.startsWith('@/lib/content') && !entry.typeOnly)
        .map((entry) => `${file} imports ${entry.from}`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing outside lib/content imports a content source', () => {
    const offenders = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib')]
      .filter((file) => !file.startsWith('lib/content/'))
      .filter((file) => importsOf(read(file)).some((entry) => /content\/sources\//.test(entry.from)));
    expect(offenders).toEqual([]);
  });

  it('the environment is read only in lib/env.ts (and the Studio bundle in sanity/env.ts)', () => {
    const allowed = new Set(['lib/env.ts', 'sanity/env.ts']);
    const offenders = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib'), ...filesUnder('sanity'), 'proxy.ts']
      .filter((file) => !allowed.has(file) && /process\.env\b/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('source files stay under 200 lines', () => {
    const long = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib/content'), ...filesUnder('lib/urls')]
      .filter((file) => read(file).split('\n').length > 200);
    expect(long).toEqual([]);
  });
});
