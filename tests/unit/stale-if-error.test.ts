import { describe, expect, it } from 'vitest';
import type { QuerySource } from '../../lib/content/sources/query-source.ts';
import { withStaleIfError } from '../../lib/content/sources/stale-if-error.ts';

/** A source whose answers the test sets per query text, and which can be switched to failing. */
function fakeSource() {
  const answers = new Map<string, unknown>();
  const state = { failing: false, calls: 0 };
  const source: QuerySource = {
    name: 'embedded',
    async query<T>(query: string) {
      state.calls += 1;
      if (state.failing) throw new Error('dataset garbled');
      return answers.get(query) as T;
    },
    describe: () => ({ kind: 'embedded' }),
  };
  return { source, answers, state };
}

describe('withStaleIfError', () => {
  it('serves the last good result while the source fails, logging the outage once, then fresh results again', async () => {
    const { source, answers, state } = fakeSource();
    const logs: string[] = [];
    const stale = withStaleIfError(source, { log: (line) => logs.push(line) });
    answers.set('home', { title: 'Good headline' });
    expect(await stale.query('home', {}, 'published')).toEqual({ title: 'Good headline' });

    state.failing = true;
    expect(await stale.query('home', {}, 'published')).toEqual({ title: 'Good headline' });
    expect(await stale.query('home', {}, 'published')).toEqual({ title: 'Good headline' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/fails \(dataset garbled\); serving the last good results/);
    expect(stale.describe().servingLastGoodSince).toBeDefined();

    state.failing = false;
    answers.set('home', { title: 'Corrected headline' });
    expect(await stale.query('home', {}, 'published')).toEqual({ title: 'Corrected headline' });
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/answers again/);
  });

  it('keeps results apart by parameters and perspective, and rethrows for a query that never succeeded', async () => {
    const { source, answers, state } = fakeSource();
    const stale = withStaleIfError(source, { log: () => undefined });
    answers.set('article', { slug: 'a' });
    await stale.query('article', { slug: 'a' }, 'published');
    state.failing = true;
    await expect(stale.query('article', { slug: 'b' }, 'published')).rejects.toThrow('dataset garbled');
    await expect(stale.query('article', { slug: 'a' }, 'drafts')).rejects.toThrow('dataset garbled');
    expect(await stale.query('article', { slug: 'a' }, 'published')).toEqual({ slug: 'a' });
  });

  it('is bounded: the least recently used result goes first', async () => {
    const { source, answers, state } = fakeSource();
    const stale = withStaleIfError(source, { maxEntries: 2, log: () => undefined });
    for (const name of ['one', 'two', 'three']) {
      answers.set(name, { name });
      await stale.query(name, {}, 'published');
    }
    state.failing = true;
    await expect(stale.query('one', {}, 'published')).rejects.toThrow();
    expect(await stale.query('three', {}, 'published')).toEqual({ name: 'three' });
    expect(await stale.query('two', {}, 'published')).toEqual({ name: 'two' });
  });

  it('keeps empty answers too: a site without a settings document still renders during an outage', async () => {
    const { source, answers, state } = fakeSource();
    const stale = withStaleIfError(source, { log: () => undefined });
    answers.set('banner', null);
    answers.set('sources', []);
    await stale.query('banner', {}, 'published');
    await stale.query('sources', {}, 'published');
    state.failing = true;
    expect(await stale.query('banner', {}, 'published')).toBeNull();
    expect(await stale.query('sources', {}, 'published')).toEqual([]);
  });
});

describe('withStaleIfError with a store shared by instances', () => {
  function sharedStore() {
    const texts = new Map<string, string>();
    return {
      texts,
      store: {
        get: async (key: string) => texts.get(key),
        set: async (key: string, text: string) => void texts.set(key, text),
      },
    };
  }

  it("serves another instance's last good result to an instance that never ran the query", async () => {
    const { store } = sharedStore();
    const first = fakeSource();
    first.answers.set('article', { title: 'Good headline' });
    await withStaleIfError(first.source, { shared: store, log: () => undefined }).query('article', { slug: 'a' }, 'published');

    const second = fakeSource();
    second.state.failing = true;
    const stale = withStaleIfError(second.source, { shared: store, log: () => undefined });
    expect(await stale.query('article', { slug: 'a' }, 'published')).toEqual({ title: 'Good headline' });
  });

  it('replaces a result with the empty answer, so a deleted article stays gone in an outage, here and elsewhere', async () => {
    const { store } = sharedStore();
    const { source, answers, state } = fakeSource();
    const stale = withStaleIfError(source, { shared: store, log: () => undefined });
    answers.set('article', { title: 'Taken down' });
    await stale.query('article', { slug: 'a' }, 'published');
    answers.set('article', null);
    await stale.query('article', { slug: 'a' }, 'published');
    state.failing = true;
    expect(await stale.query('article', { slug: 'a' }, 'published')).toBeNull();

    const elsewhere = fakeSource();
    elsewhere.state.failing = true;
    expect(await withStaleIfError(elsewhere.source, { shared: store, log: () => undefined }).query('article', { slug: 'a' }, 'published')).toBeNull();
  });
});
