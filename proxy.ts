import { NextResponse, type NextRequest } from 'next/server';
import { clientKey, createRateLimiter, rateLimitConfigFrom } from './lib/http/rate-limit.ts';

/*
 * Next 16's request proxy (formerly middleware), run only for /search: every
 * other page is static or ISR-cached and costs nothing to serve again, while a
 * search runs a fresh query for each new term. Past its budget a client gets
 * 429 with Retry-After. The limiter lives in this module, so one `next start`
 * process keeps one set of budgets (docs/security.md).
 */
const limits = rateLimitConfigFrom(process.env);
const limiter = createRateLimiter({ limit: limits.limit, windowMs: limits.windowMs });

export function proxy(request: NextRequest) {
  const decision = limiter.take(clientKey(request.headers, limits.trustProxy));
  if (decision.allowed) return NextResponse.next();
  return new NextResponse(`Too many searches. Try again in ${decision.retryAfterSeconds} seconds.\n`, {
    status: 429,
    headers: {
      'Retry-After': String(decision.retryAfterSeconds),
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain; charset=utf-8',
    },
  });
}

export const config = { matcher: ['/search'] };
