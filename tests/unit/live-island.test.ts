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

  // Its size as sent (minified by the build) is checked on the built live page: tests/e2e/live.spec.ts.
});
