import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../lib/revalidate/sign.ts';
import { MAX_AGE_MS, MAX_FUTURE_MS, constantTimeEqual, verifyWebhookSignature } from '../../lib/revalidate/verify.ts';

const secret = 'test-webhook-secret';
const body = '{"_id":"article-a","_type":"article","slug":{"current":"a"}}';
const now = 1_790_000_000_000;

/** Sanity's format, computed independently of @sanity/webhook. */
function sanitySignature(raw: string, t: number, key = secret): string {
  const mac = createHmac('sha256', key).update(`${t}.${raw}`).digest('base64url');
  return `t=${t},v1=${mac}`;
}

const verify = (header: string | null | undefined, rawBody = body, key: string | undefined = secret, at = now) =>
  verifyWebhookSignature({ rawBody, header, secret: key, now: at });

describe('verifyWebhookSignature', () => {
  it('accepts a delivery signed the way Sanity signs it', async () => {
    const result = await verify(sanitySignature(body, now - 1000));
    expect(result).toMatchObject({ ok: true, timestamp: now - 1000 });
  });

  it('agrees with the signer the CLI and the tests use', async () => {
    expect(await signWebhookBody(body, secret, now)).toBe(sanitySignature(body, now));
  });

  it('refuses a missing header, and refuses everything when no secret is configured', async () => {
    expect(await verify(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(await verify('')).toMatchObject({ ok: false, status: 401 });
    expect(await verifyWebhookSignature({ rawBody: body, header: sanitySignature(body, now), secret: undefined, now })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await verify(sanitySignature(body, now, ''), body, '')).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a signature made with another secret', async () => {
    expect(await verify(sanitySignature(body, now, 'guessed'))).toMatchObject({ ok: false, status: 401, reason: 'invalid signature' });
  });

  it('checks the RAW body: re-encoded, trimmed or one byte changed fails', async () => {
    const header = sanitySignature(body, now);
    expect(await verify(header, JSON.stringify(JSON.parse(body), null, 2))).toMatchObject({ ok: false });
    expect(await verify(header, `${body} `)).toMatchObject({ ok: false });
    expect(await verify(header, body.replace('article-a', 'article-b'))).toMatchObject({ ok: false });
  });

  it('refuses a replay older than five minutes and a timestamp from the future', async () => {
    expect(await verify(sanitySignature(body, now - MAX_AGE_MS - 1))).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('old') });
    expect(await verify(sanitySignature(body, now - MAX_AGE_MS + 1000))).toMatchObject({ ok: true });
    expect(await verify(sanitySignature(body, now + MAX_FUTURE_MS + 1))).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a signed timestamp edited after signing', async () => {
    const mac = sanitySignature(body, now - 10 * 60 * 1000).split('v1=')[1];
    expect(await verify(`t=${now},v1=${mac}`)).toMatchObject({ ok: false, status: 401, reason: 'invalid signature' });
  });

  it.each([
    ['garbage', 'not a signature'],
    ['no v1', `t=${now}`],
    ['no t', 'v1=abc'],
    ['empty v1', `t=${now},v1=`],
    ['seconds instead of ms', `t=${Math.floor(now / 1000)},v1=abc`],
    ['negative time', `t=-1,v1=abc`],
    ['huge time', `t=${'9'.repeat(40)},v1=abc`],
    ['two signatures', `${sanitySignature(body, now)},v1=other`],
    ['oversized header', `t=${now},v1=${'a'.repeat(10_000)}`],
    ['a second v1 hidden after a space', `t=${now},v1=abc def`],
  ])('refuses a malformed header (%s)', async (_name, header) => {
    const result = await verify(header);
    expect(result.ok).toBe(false);
  });

  it('refuses a valid MAC in another encoding (base64 with padding, hex)', async () => {
    const raw = createHmac('sha256', secret).update(`${now}.${body}`).digest();
    expect(await verify(`t=${now},v1=${raw.toString('base64')}`)).toMatchObject({ ok: false });
    expect(await verify(`t=${now},v1=${raw.toString('hex')}`)).toMatchObject({ ok: false });
  });

  it('refuses an empty body even when "signed"', async () => {
    expect(await verify(sanitySignature('', now), '')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('constantTimeEqual', () => {
  it('compares by value, whatever the lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
  });
});
