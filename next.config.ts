import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers.ts';

const nextConfig: NextConfig = {
  // "use cache" + cacheTag: see docs/decisions/0001-caching.md.
  cacheComponents: true,
  cacheLife: {
    // Content pages: regenerated on publish through the webhook; the time-based
    // revalidate is the safety net and bounds how late an embargoed article appears.
    content: { stale: 60, revalidate: 60, expire: 60 * 60 * 24 * 30 },
  },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  images: {
    remotePatterns: [{ protocol: 'https', hostname: 'cdn.sanity.io' }],
  },
  async headers() {
    return securityHeaders;
  },
};

export default nextConfig;
