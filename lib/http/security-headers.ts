/*
 * Response headers for every page, in one place. The policy is static (no
 * nonce): a nonce would force every page to render per request and so switch
 * ISR off. See docs/decisions/0002-static-csp.md.
 */

const sitePolicy = [
  "default-src 'self'",
  // Next.js streams its payload in inline scripts; with static pages there is no nonce to give them.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://cdn.sanity.io",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Only the site itself (the Studio's Presentation tool) may frame it.
  "frame-ancestors 'self'",
  'upgrade-insecure-requests',
].join('; ');

/** The Studio talks to Sanity's APIs and runs its own bundle. */
const studioPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://cdn.sanity.io https://*.sanity.io https://lh3.googleusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self' https://*.sanity.io wss://*.sanity.io https://*.api.sanity.io wss://*.api.sanity.io",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const common = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
];

export const securityHeaders = [
  { source: '/((?!studio).*)', headers: [...common, { key: 'Content-Security-Policy', value: sitePolicy }] },
  {
    source: '/studio/:path*',
    headers: [
      ...common,
      { key: 'Content-Security-Policy', value: studioPolicy },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
    ],
  },
];
