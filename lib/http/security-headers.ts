/*
 * Response headers for every response, in one place. The policy is static (no
 * nonce): a nonce would force every page to render per request and so switch
 * ISR off. See docs/decisions/0002-static-csp.md.
 */

type Directives = Record<string, string[]>;

function policy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export const siteDirectives: Directives = {
  'default-src': ["'self'"],
  // Next.js streams its payload in inline scripts; with static pages there is no nonce to give them.
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://cdn.sanity.io'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Only the site itself (the Studio's Presentation tool) may frame it.
  'frame-ancestors': ["'self'"],
  'upgrade-insecure-requests': [],
};

/*
 * The hosts Sanity's Studio loads from in an editor's browser, as Sanity's
 * "System requirements" page lists them (docs/security.md) and as the built
 * Studio names them: next-sanity's NextStudio adds the module script
 * https://core.sanity-cdn.com/bridge.js; the Studio's fonts come from
 * studio-static.sanity.io and design-system-static.sanity.io; the Content
 * Lake, its CDN, live listeners and auth from *.sanity.io (api, <project>.api,
 * <project>.apicdn); images from cdn.sanity.io; editors' avatars from their
 * login provider.
 */
export const SANITY_SCRIPT_HOSTS = ['https://core.sanity-cdn.com'];
export const SANITY_FONT_HOSTS = ['https://studio-static.sanity.io', 'https://design-system-static.sanity.io'];
const SANITY_API_HOSTS = ['https://*.sanity.io', 'wss://*.sanity.io', 'https://*.api.sanity.io', 'wss://*.api.sanity.io'];
const AVATAR_HOSTS = ['https://lh3.googleusercontent.com', 'https://avatars.githubusercontent.com'];

export const studioDirectives: Directives = {
  'default-src': ["'self'"],
  // The Studio bundle evaluates code (schema previews, Vision) and inlines its bootstrap.
  'script-src': ["'self'", "'unsafe-inline'", "'unsafe-eval'", ...SANITY_SCRIPT_HOSTS],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://cdn.sanity.io', 'https://*.sanity.io', ...AVATAR_HOSTS],
  'font-src': ["'self'", 'data:', ...SANITY_FONT_HOSTS],
  'connect-src': ["'self'", ...SANITY_API_HOSTS, ...SANITY_SCRIPT_HOSTS],
  // The Presentation tool frames the site, which is this origin.
  'frame-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

export const sitePolicy = policy(siteDirectives);
export const studioPolicy = policy(studioDirectives);

const common = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
];

/**
 * Next.js applies every matching rule and, for the same header, the later rule
 * wins. So the site policy goes on every path first, and only `/studio` and
 * what is under it get the Studio's instead: a path that merely starts with
 * "studio" (`/studiox`, `/studio-foo`) keeps the site policy.
 */
export const securityHeaders = [
  { source: '/:path*', headers: [...common, { key: 'Content-Security-Policy', value: sitePolicy }] },
  {
    source: '/studio/:path*',
    headers: [
      { key: 'Content-Security-Policy', value: studioPolicy },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
    ],
  },
];
