import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
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
const importsOf = (text: string) =>
  [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2] ?? '' }));

/** The tree's own files a file imports or re-exports from (relative or `@/`), as paths from the root; packages left out. */
function localImportsOf(file: string): string[] {
  const specifiers = [...read(file).matchAll(/^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : null;
    if (base === null) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((path) => /\.tsx?$/.test(path) && existsSync(join(ROOT, path)));
    return found ? [found] : [];
  });
}

/** Every import circle in a graph, each as `a -> b -> a` (depth-first: an edge back into the current path closes one). */
function circlesIn(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const circles: string[] = [];
  const visit = (node: string, path: string[]) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next, path);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
  return circles;
}

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
    const offenders = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib'), ...filesUnder('sanity'), 'proxy.ts'].filter(
      (file) => !allowed.has(file) && /process\.env\b/.test(read(file)),
    );
    expect(offenders).toEqual([]);
  });

  it('renderers (lib/feeds, lib/seo, lib/og) import nothing from lib/content: each declares the input it reads', () => {
    const renderers = [...filesUnder('lib/feeds'), ...filesUnder('lib/seo'), ...filesUnder('lib/og')];
    expect(renderers).toContain('lib/feeds/document.ts');
    const offenders = renderers.flatMap((file) =>
      localImportsOf(file)
        .filter((path) => path.startsWith('lib/content/'))
        .map((path) => `${file} imports ${path}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no import circle among the modules of lib/', () => {
    const graph = new Map(filesUnder('lib').map((file) => [file, localImportsOf(file)]));
    // The graph is really read: content's feed door imports the feed renderer.
    expect(graph.get('lib/content/feed.ts')).toContain('lib/feeds/document.ts');
    expect(circlesIn(graph)).toEqual([]);
  });

  it('the site (app, components, lib) imports nothing from scripts/: build-only code stays out of what it serves', () => {
    const site = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib')];
    expect(localImportsOf('scripts/build-icons.ts')).toContain('scripts/images/ico.ts');
    const offenders = site.flatMap((file) =>
      localImportsOf(file)
        .filter((path) => path.startsWith('scripts/'))
        .map((path) => `${file} imports ${path}`),
    );
    expect(offenders).toEqual([]);
  });

  it('source files stay under 200 lines', () => {
    const long = [...filesUnder('app'), ...filesUnder('components'), ...filesUnder('lib/content'), ...filesUnder('lib/urls')].filter(
      (file) => read(file).split('\n').length > 200,
    );
    expect(long).toEqual([]);
  });
});
