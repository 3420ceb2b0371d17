import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default on two cores is one worker. Many files spend their time waiting (a child
    // process, a Varnish grace period, a timeout being proven), so four share the cores: the unit
    // step took 195 s with one and 114 s with four. Each file keeps a module graph of its own
    // (isolate): the lake's tests depend on it.
    maxWorkers: 4,
  },
});
