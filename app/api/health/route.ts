import { connection } from 'next/server';
import { checkHealth } from '@/lib/content/health';

/** Liveness and content-source status for a load balancer: 200 when content can be read, else 503. */
export async function GET() {
  await connection();
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
