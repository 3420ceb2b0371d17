import { defineConfig } from '@playwright/test';
import { suiteConfig } from '../helpers/playwright-suite.ts';

/*
 * The edge in front of two instances (tests/edge/stack.ts starts Varnish, the
 * instances, Redis and a WebSub hub fixture itself, from the scale build made by
 * scripts/build-test-sites.ts). HTTP only: what a reader's browser is sent.
 */
export default defineConfig(suiteConfig(120_000));
