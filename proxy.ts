import { NextResponse, type NextRequest } from 'next/server';
import { rateLimitConfigFrom } from './lib/env.ts';
import { clientKey, createRateLimiter } from './lib/http/rate-limit.ts';

/*
 * Next 16's request proxy (formerly middleware), run only for the routes whose
 * every request does fresh work: /search runs a query for each new term, and
 * /api/draft-mode/enable checks a secret (with Sanity, by asking the Content
 * Lake). Every other page is static or ISR-cached and costs nothing to serve
 * again. Past its budget a client gets 429 with Retry-After. Each route has its
 * own budget (a reader's searches never lock an editor out of preview), both
 * sized by SEARCH_RATE_LIMIT. The limiters live in this module, so one
 * `next start` process keeps one set of budgets (docs/security.md).
 */
const limits = rateLimitConfigFrom();

const budgets = {
  '/search': { limiter: createRateLimiter(limits), refusal: 'Too many searches.' },
  '/api/draft-mode/enable': { limiter: createRateLimiter(limits), refusal: 'Too many preview attempts.' },
};

/**
 * A path whose percent-escapes do not decode (`/articles/%E0%A4%A`): Next.js
 * answers it with a bare 500 that skips next.config's headers, so it is
 * refused here, where the answer still gets them.
 */
export function hasBrokenEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (hasBrokenEscapes(new URL(request.url).pathname)) {
    return new NextResponse('Bad request: the address has broken percent-encoding.\n', {
      status: 400,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const budget = budgets[request.nextUrl.pathname as keyof typeof budgets];
  if (!budget) return NextResponse.next();
  const decision = budget.limiter.take(clientKey(request.headers, limits.trustProxy));
  if (decision.allowed) return NextResponse.next();
  return new NextResponse(`${budget.refusal} Try again in ${decision.retryAfterSeconds} seconds.\n`, {
    status: 429,
    headers: {
      'Retry-After': String(decision.retryAfterSeconds),
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain; charset=utf-8',
    },
  });
}

// The budgeted routes, and any path with a percent sign (only those can hold a broken escape).
export const config = { matcher: ['/search', '/api/draft-mode/enable', '/(.*%.*)'] };
