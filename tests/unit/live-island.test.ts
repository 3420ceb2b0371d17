import { describe, expect, it } from 'vitest';
import { islandScript } from '@/components/live/live-island';

describe('the live island script', () => {
  it('is self-contained JavaScript with nothing that could end its <script> element', () => {
    const script = islandScript('/articles/a</script>b/updates.json', 'live-island');
    expect(script).not.toContain('<');
    // It parses as a script: no imports, no outer variables (those would throw when it runs).
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('a\\u003c/script>b');
  });

  it('stays small: at most 3 KB gzip on the live page', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(islandScript('/articles/storm-kestrel-live/updates.json', 'live-island')).length).toBeLessThan(3 * 1024);
  });
});
