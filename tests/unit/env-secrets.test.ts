import { describe, expect, it } from 'vitest';
import { parseEnv, SECRET_MIN_LENGTH } from '../../lib/env.ts';

const long = 'a-secret-long-enough-0123456789abcdef';

describe('preview and webhook secrets', () => {
  it.each(['PREVIEW_SECRET', 'SANITY_REVALIDATE_SECRET'])('%s shorter than 32 characters is refused, naming the variable but not the value', (name) => {
    const short = 'e2e-preview-secret';
    let message = '';
    try {
      parseEnv({ [name]: short });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^Invalid environment: ${name}: must be at least 32 characters`, 'u'));
    expect(message).toContain('openssl rand -hex 32');
    expect(message).not.toContain(short);
  });

  it('accepts 32 characters and more, and treats empty as unset', () => {
    expect(SECRET_MIN_LENGTH).toBe(32);
    const exact = 'x'.repeat(32);
    expect(parseEnv({ PREVIEW_SECRET: exact, SANITY_REVALIDATE_SECRET: long })).toMatchObject({ PREVIEW_SECRET: exact, SANITY_REVALIDATE_SECRET: long });
    expect(() => parseEnv({ PREVIEW_SECRET: 'x'.repeat(31) })).toThrow(/PREVIEW_SECRET/u);
    expect(parseEnv({ PREVIEW_SECRET: '', SANITY_REVALIDATE_SECRET: '  ' })).toMatchObject({ PREVIEW_SECRET: undefined, SANITY_REVALIDATE_SECRET: undefined });
  });
});
