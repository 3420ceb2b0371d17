import { expect, test as base, type BrowserContext } from '@playwright/test';
import { startStudioStack, type StudioStack } from '../helpers/studio.ts';

/*
 * Each spec file of the Studio suite gets a stack of its own (tests/helpers/studio.ts: the lake
 * process and the site, on a fresh dataset copy), started by its first test. Every browser
 * context is kept off Sanity's cloud (the Studio's https calls fail at once, as offline) and
 * records each 5xx the lake or the site sends it; after each test, neither may have sent one,
 * and the lake must have logged no route it does not know.
 */

export type StudioFixtures = {
  stack: StudioStack;
  /** Every 5xx the lake or the site answered a page with, as `status METHOD path`. */
  serverErrors: string[];
  /** Opens another browser context (its own window: a second tab would slow the Studio's to a crawl), guarded like the test's own. */
  openWindow: () => Promise<BrowserContext>;
  checks: void;
};

async function guard(context: BrowserContext, stack: StudioStack, errors: string[]): Promise<void> {
  await context.route(/^https:\/\//, (route) => route.abort());
  const ours = new Set([String(stack.site.port), String(stack.lake.port)]);
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 500 && ours.has(url.port)) errors.push(`${response.status()} ${response.request().method()} ${url.host}${url.pathname}`);
  });
}

/** The `test` of one spec file, with its stack; call once, at the top of the file. */
export function studioTest(name: string) {
  let stack: StudioStack | undefined;
  const test = base.extend<StudioFixtures>({
    // Started by the file's first test, stopped after its last (afterAll).
    stack: async ({}, provide) => {
      stack ??= await startStudioStack(name);
      await provide(stack);
    },
    serverErrors: async ({}, provide) => {
      await provide([]);
    },
    context: async ({ context, stack, serverErrors }, provide) => {
      await guard(context, stack, serverErrors);
      await provide(context);
    },
    baseURL: async ({ stack }, provide) => {
      await provide(stack.site.url);
    },
    openWindow: async ({ browser, stack, serverErrors }, provide) => {
      const opened: BrowserContext[] = [];
      await provide(async () => {
        const context = await browser.newContext({ baseURL: stack.site.url, viewport: { width: 1400, height: 900 }, timezoneId: 'UTC' });
        opened.push(context);
        await guard(context, stack, serverErrors);
        return context;
      });
      await Promise.all(opened.map((context) => context.close()));
    },
    checks: [
      async ({ stack, serverErrors }, provide) => {
        const before = (await stack.unknownRoutes()).length;
        await provide();
        expect(serverErrors, 'answers of 5xx from the lake or the site').toEqual([]);
        expect((await stack.unknownRoutes()).slice(before), 'routes the lake does not know').toEqual([]);
      },
      { auto: true },
    ],
  });
  test.afterAll(async () => {
    await stack?.stop();
    stack = undefined;
  });
  return test;
}

export { expect };
