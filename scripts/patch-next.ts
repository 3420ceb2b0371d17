import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * One change to the installed Next.js, applied by `npm install` (postinstall) and
 * checked by tests/unit/patch-next.test.ts: see
 * docs/decisions/0013-next-imports-the-cache-handler-once.md.
 *
 * Next loads a custom cache handler (next.config `cacheHandler`, which this site
 * has: lib/cache-handlers) with a dynamic `import()` of its path on every
 * request, twice (the server, then the page's route module), each time resolving
 * the path to a URL and asking Node's module loader for a module it already has:
 * about a tenth of the CPU an ISR hit costs (docs/benchmarks.md). The patch makes
 * the function that performs that `import()` remember its promise per module
 * path. An ES module is evaluated once per process whatever the number of
 * imports, so the result is the same object; a failed import is forgotten, so it
 * is retried as before.
 *
 * Each target is found by the exact text of that function. A Next.js whose text
 * differs (an upgrade) is left as it is, with a message saying so: the site works
 * the same, only slower, and the unit test fails until this file is brought up
 * to date.
 */

type Target = { file: string; pattern: RegExp; replace: (match: RegExpMatchArray) => string; patched: RegExp };

const MARK = '/* nmn: import once */';

export const TARGETS: Target[] = [
  {
    file: 'next/dist/server/next-server.js',
    pattern: /^const dynamicImportEsmDefault = (.+);$/m,
    replace: (match) => `const dynamicImportEsmDefault = ${MARK} ((load, loaded) => (id) => {
    let promise = loaded.get(id);
    if (!promise) { promise = load(id); loaded.set(id, promise); promise.catch(() => loaded.delete(id)); }
    return promise;
})(${match[1]}, new Map());`,
    patched: /^const dynamicImportEsmDefault = \/\* nmn: import once \*\//m,
  },
  // The route modules' copy, minified into each App Router runtime: Turbopack's (what `next build`
  // uses here), webpack's, and the experimental-React variants some experimental settings select.
  ...['app-page', 'app-route']
    .flatMap((kind) => ['', '-turbo', '-experimental', '-turbo-experimental'].map((variant) => `${kind}${variant}`))
    .map((runtime): Target => ({
      file: `next/dist/compiled/next-server/${runtime}.runtime.prod.js`,
      pattern: /let (\w+)=(e=>import\(e\)\.then\(e=>e\.default\|\|e\));/,
      replace: (match) => `let ${match[1]}=${MARK}((l,m)=>e=>{let p=m.get(e);return p||(p=l(e),m.set(e,p),p.catch(()=>m.delete(e)),p)})(${match[2]},new Map);`,
      patched: /let \w+=\/\* nmn: import once \*\//,
    })),
];

export type Outcome = 'patched' | 'already patched' | 'not found';

/** The patched text of one target, or why there is none. */
export function patchText(target: Target, text: string): { outcome: Outcome; text: string } {
  if (target.patched.test(text)) return { outcome: 'already patched', text };
  const matches = [...text.matchAll(new RegExp(target.pattern.source, `${target.pattern.flags}g`))];
  if (matches.length !== 1) return { outcome: 'not found', text };
  const match = matches[0]!;
  return { outcome: 'patched', text: text.replace(match[0], () => target.replace(match)) };
}

export function patchInstalledNext(root: string): Array<{ file: string; outcome: Outcome }> {
  const require = createRequire(path.join(root, 'package.json'));
  return TARGETS.map((target) => {
    const file = require.resolve(target.file);
    const result = patchText(target, readFileSync(file, 'utf8'));
    if (result.outcome === 'patched') writeFileSync(file, result.text);
    return { file: target.file, outcome: result.outcome };
  });
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const version = (JSON.parse(readFileSync(path.join(root, 'node_modules/next/package.json'), 'utf8')) as { version: string }).version;
  for (const { file, outcome } of patchInstalledNext(root)) {
    if (outcome === 'not found')
      console.warn(
        `patch-next: ${file} of next@${version} does not have the text scripts/patch-next.ts expects; left unpatched. ` +
          'The site works, but every request imports the cache handler again (docs/decisions/0013).',
      );
    else console.log(`patch-next: ${file}: ${outcome}`);
  }
}
