import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { patchText, TARGETS } from '../../scripts/patch-next.ts';

const require = createRequire(import.meta.url);
const [server, pageRuntime] = TARGETS;
const installed = (file: string) => readFileSync(require.resolve(file), 'utf8');
const FIX = 'run `node scripts/patch-next.ts` (npm ci does); if it reports "not found", Next changed: update scripts/patch-next.ts (docs/decisions/0013)';

/** Evaluates a patched import function with a counting stand-in for `import()`. */
function importerOf(source: string, name: string) {
  const calls: string[] = [];
  let fail = false;
  const load = (id: string) => {
    calls.push(id);
    return fail ? Promise.reject(new Error(`cannot load ${id}`)) : Promise.resolve({ default: `module ${id}` });
  };
  const fn = runInNewContext(`${source.replaceAll('import(', '__load(')}; ${name}`, { __load: load, process: { env: {} } }) as (id: string) => Promise<unknown>;
  return { fn, calls, failNext: (value: boolean) => (fail = value) };
}

describe('the installed Next.js imports the cache handler once (scripts/patch-next.ts, run by npm install)', () => {
  it.each(TARGETS.map((target) => [target.file, target] as const))('%s is patched, and still parses', (_file, target) => {
    const text = installed(target.file);
    expect(target.patched.test(text), `${target.file} is not patched: ${FIX}`).toBe(true);
    expect(patchText(target, text).outcome).toBe('already patched');
    expect(() => new Script(text, { filename: target.file })).not.toThrow();
  });

  it.each([
    ['the server', server!.file, /^const dynamicImportEsmDefault = \/\* nmn: import once \*\/[\s\S]*?new Map\(\)\);$/m, 'dynamicImportEsmDefault'],
    ['the page runtime', pageRuntime!.file, /let (\w+)=\/\* nmn: import once \*\/.*?,new Map\);/, ''],
  ])('in %s, as installed, imports each module once and retries one that failed', async (_where, file, statement, knownName) => {
    const match = statement.exec(installed(file));
    expect(match, `no patched import function in ${file}: ${FIX}`).not.toBeNull();
    const name = knownName || match![1]!;
    const { fn, calls, failNext } = importerOf(match![0], name);
    failNext(true);
    await expect(fn('file:///handler.ts')).rejects.toThrow('cannot load file:///handler.ts');
    failNext(false);
    expect(await fn('file:///handler.ts')).toBe('module file:///handler.ts');
    expect(await fn('file:///handler.ts')).toBe('module file:///handler.ts');
    expect(calls).toEqual(['file:///handler.ts', 'file:///handler.ts']);
  });
});

describe('the patch', () => {
  const serverLine =
    'const dynamicImportEsmDefault = process.env.NEXT_MINIMAL ? (id)=>import(/* webpackIgnore: true */ id).then((mod)=>mod.default || mod) : (id)=>import(id).then((mod)=>mod.default || mod);';
  const runtimeText = 'var a=1;let oJ=e=>import(e).then(e=>e.default||e);class oY{}';

  it.each([
    ['the server', server!, serverLine, 'dynamicImportEsmDefault'],
    ['a route module runtime', pageRuntime!, runtimeText, 'oJ'],
  ])('in %s imports each module once and gives every caller its default export', async (_where, target, text, name) => {
    const result = patchText(target, text);
    expect(result.outcome).toBe('patched');
    const { fn, calls } = importerOf(result.text, name);
    expect(await fn('file:///handler.ts')).toBe('module file:///handler.ts');
    expect(await fn('file:///handler.ts')).toBe('module file:///handler.ts');
    expect(await fn('file:///other.ts')).toBe('module file:///other.ts');
    expect(calls).toEqual(['file:///handler.ts', 'file:///other.ts']);
  });

  it('forgets an import that failed, so the next request tries again', async () => {
    const { fn, calls, failNext } = importerOf(patchText(pageRuntime!, runtimeText).text, 'oJ');
    failNext(true);
    await expect(fn('file:///handler.ts')).rejects.toThrow('cannot load file:///handler.ts');
    failNext(false);
    expect(await fn('file:///handler.ts')).toBe('module file:///handler.ts');
    expect(calls).toEqual(['file:///handler.ts', 'file:///handler.ts']);
  });

  it('patches once, and leaves text it does not recognise alone', () => {
    const once = patchText(pageRuntime!, runtimeText).text;
    expect(patchText(pageRuntime!, once)).toEqual({ outcome: 'already patched', text: once });
    const unknown = 'let oJ=async e=>(await import(e)).default;';
    expect(patchText(pageRuntime!, unknown)).toEqual({ outcome: 'not found', text: unknown });
    // Two candidates: which one Next calls is unknown, so neither is touched.
    expect(patchText(pageRuntime!, runtimeText + runtimeText).outcome).toBe('not found');
  });

  it('is run by npm install', () => {
    const scripts = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postinstall).toBe('node scripts/patch-next.ts');
  });
});
