import { defineConfig } from '@playwright/test';
import { suiteConfig } from '../helpers/playwright-suite.ts';

/*
 * Fault tests: each spec builds its own site (short revalidate, a content source it
 * can break) and starts it itself, so no web server here. Mostly HTTP; Debian's Chromium for
 * what a reader sees in a browser when a page fails.
 * Run with `playwright test --config tests/faults/playwright.config.ts` (npm test does).
 */
export default defineConfig(suiteConfig(180_000));
