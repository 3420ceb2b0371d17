/*
 * Response headers for every response, in one place. The policy is static (no
 * nonce): a nonce would force every page to render per request and so switch
 * ISR off. See docs/decisions/0002-static-csp.md.
 */

import { hasSanityProject } from '../../sanity/env.ts';

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

const projectStudioDirectives: Directives = {
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

/**
 * `project`: a Sanity project id is configured and the Studio talks to Sanity.
 * `local`: none is, and the Studio talks to the local Content Lake (lake/) on
 * this machine's loopback. Decided at build time, as the Studio's bundle is.
 */
export type StudioMode = 'project' | 'local';

/*
 * The local Content Lake, as the Studio reaches it: the API and its listeners on
 * `no-project.localhost:<port>` (the Studio prepends the project id to apiHost),
 * images and the CORS probe on `localhost:<port>`. The port is chosen when the
 * site starts (CONTENT_LAKE_PORT) but these headers are fixed at build time, so
 * any port on a loopback name: only this machine answers there. Plain http and
 * ws, which is also why this policy never carries upgrade-insecure-requests.
 */
export const LOCAL_LAKE_CONNECT = ['http://localhost:*', 'http://*.localhost:*', 'ws://localhost:*', 'ws://*.localhost:*'];
export const LOCAL_LAKE_IMAGES = ['http://localhost:*'];

/** The Studio's directives: Sanity's hosts always, the local Content Lake only in local mode. */
export function studioDirectivesFor(mode: StudioMode): Directives {
  if (mode === 'project') return projectStudioDirectives;
  const lake: Directives = { 'connect-src': LOCAL_LAKE_CONNECT, 'img-src': LOCAL_LAKE_IMAGES };
  return Object.fromEntries(Object.entries(projectStudioDirectives).map(([name, sources]) => [name, [...sources, ...(lake[name] ?? [])]]));
}

export function studioPolicyFor(mode: StudioMode): string {
  return policy(studioDirectivesFor(mode));
}

export const sitePolicy = policy(siteDirectives);

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
 *
 * The site rule's source is an unnamed group, not `/:path*`: when a rule's
 * source captures named parameters, Next compiles every header value holding a
 * `:` (the policy's `https:`, `data:`) as a template on every response, a few
 * per cent of what serving a cached page costs (docs/benchmarks.md).
 */
const SITE_RULE_SOURCE = '/(.*)';

export function securityHeadersFor(mode: StudioMode) {
  return [
    { source: SITE_RULE_SOURCE, headers: [...common, { key: 'Content-Security-Policy', value: sitePolicy }] },
    {
      source: '/studio/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: studioPolicyFor(mode) },
        { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
      ],
    },
  ];
}

/** This build's mode: the same fact (a project id or none) that points the Studio at Sanity or the lake. */
export const studioMode: StudioMode = hasSanityProject ? 'project' : 'local';
export const studioPolicy = studioPolicyFor(studioMode);
export const securityHeaders = securityHeadersFor(studioMode);
