import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import eslintConfigPrettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'sanity/sanity.types.ts']),
  {
    rules: {
      // Content images come from the dataset or Sanity's CDN with their own sizes.
      '@next/next/no-img-element': 'off',
      // Reader pages link with plain <a>: next/link's client code and viewport prefetching cost a
      // phone more than client-side navigation between static pages gains (docs/decisions/0009-readers-on-a-phone.md).
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  // Prettier owns layout (npm run format); no lint rule argues with it.
  eslintConfigPrettier,
]);
