import { describe, expect, it } from 'vitest';
import { handleRevalidateWebhook } from '../../lib/revalidate/handle-webhook.ts';
import { createSeenSet } from '../../lib/revalidate/idempotency.ts';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';

const secret = 'webhook-secret-never-logged-0123456789';

function post(body: string, signature: string | null): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['sanity-webhook-signature'] = signature;
  return new Request('http://site.test/api/revalidate', { method: 'POST', headers, body });
}

describe('the secrets never reach a log line or an answer', () => {
  it('the webhook logs refusals and purge failures without the secret, whatever the request holds', async () => {
    const lines: string[] = [];
    const deps = {
      secret,
      revalidate: () => undefined,
      seen: createSeenSet(10),
      log: (line: string) => lines.push(line),
      purgeEdges: async () => false,
      purgeRetryMs: [],
    };
    const body = JSON.stringify({ _id: 'article-a', _type: 'article', slug: { current: 'a' } });
    const answers = await Promise.all([
      handleRevalidateWebhook(post(body, null), deps),
      handleRevalidateWebhook(post(body, `t=${Date.now()},v1=${secret}`), deps),
      handleRevalidateWebhook(post(body, await signWebhookBody(body, `${secret}x`)), deps),
      handleRevalidateWebhook(post(body, await signWebhookBody(body, secret, Date.now() - 3_600_000)), deps),
      handleRevalidateWebhook(post(`not json ${secret}`, await signWebhookBody(`not json ${secret}`, secret)), deps),
      handleRevalidateWebhook(post(body, await signWebhookBody(body, secret)), deps),
    ]);
    // Refusals and the failed purge were logged: the check is not vacuous.
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).not.toContain(secret);
    for (const answer of answers) expect(await answer.text()).not.toContain(secret);
  });
});
