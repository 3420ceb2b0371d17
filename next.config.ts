import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers.ts';
import { redisCacheConfig } from './lib/cache-handlers/next-config.ts';
import { COLUMN_WIDTHS, DEVICE_WIDTHS } from './lib/images/widths.ts';

const nextConfig: NextConfig = {
  // Classic ISR pages with "use cache" data and cacheTag: see docs/decisions/0001-caching.md.
  // inlineCss: the stylesheet (≈6 kB gzip) goes into each page's <head> instead of a render-blocking
  // request, one round trip less before a phone paints (docs/decisions/0009-readers-on-a-phone.md).
  experimental: { useCache: true, inlineCss: true },
  cacheLife: {
    // Content pages: regenerated on publish through the webhook; the time-based
    // revalidate is the safety net and bounds how late an embargoed article appears.
    // CONTENT_REVALIDATE_SECONDS (build time) shortens it for the fault tests (tests/faults).
    content: { stale: 60, revalidate: Number(process.env.CONTENT_REVALIDATE_SECONDS) || 60, expire: 60 * 60 * 24 * 30 },
  },
  // With REDIS_URL, several instances share the page and "use cache" caches: docs/scaling.md.
  ...redisCacheConfig(process.env.REDIS_URL),
  // The end-to-end tests build one site per dataset, side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The build checks the site's own code; `npm test` type-checks everything, tests and scripts included.
  // npm test runs tsc over every file once, then builds the test sites (tests/helpers/builds.ts):
  // it sets SKIP_BUILD_TYPECHECK=1 so those builds do not repeat the same check.
  typescript: { tsconfigPath: 'tsconfig.build.json', ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  poweredByHeader: false,
  // Cached pages carry an ETag hashed once per render (lib/cache-handlers/page-entry.ts); Next's
  // own hashed the whole document on every request. Route handlers set their own (lib/http).
  generateEtags: false,
  reactStrictMode: true,
  typedRoutes: false,
  images: {
    // Sanity's CDN resizes its images and app/media resizes the embedded dataset's
    // (lib/images/media-response.ts), so Next's own optimiser is unused: lib/images/loader.ts.
    loader: 'custom',
    loaderFile: './lib/images/loader.ts',
    // The only widths srcsets ask for, and the only ones /media renders.
    deviceSizes: [...DEVICE_WIDTHS],
    imageSizes: [...COLUMN_WIDTHS],
    remotePatterns: [{ protocol: 'https', hostname: 'cdn.sanity.io' }],
  },
  async headers() {
    return securityHeaders;
  },
};

export default nextConfig;
