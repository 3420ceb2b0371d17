import { defineConfig } from '@playwright/test';
import { suiteConfig } from '../helpers/playwright-suite.ts';

/*
 * Several instances, one cache: the spec starts its own Redis and two `next start` instances of
 * the `scale` build (tests/helpers/builds.ts) through the harness. HTTP requests only: no browser.
 */
export default defineConfig(suiteConfig(120_000));
