import type { Perspective } from '../perspective.ts';

/** Where GROQ runs: the same query text against Sanity or the embedded dataset. */
export type QuerySource = {
  name: 'embedded' | 'sanity';
  query<T>(query: string, params: Record<string, unknown>, perspective: Perspective): Promise<T>;
  describe(): Record<string, string>;
};
