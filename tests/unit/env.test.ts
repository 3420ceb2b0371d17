import { describe, expect, it } from 'vitest';
import { contentSourceFrom, parseEnv } from '@/lib/env';

describe('environment', () => {
  it('runs on the bundled sample dataset when no Sanity project is configured', () => {
    const config = contentSourceFrom(parseEnv({}), '/srv/site');
    expect(config).toEqual({ kind: 'embedded', datasetPath: '/srv/site/sanity/sample-dataset' });
  });

  it('uses CONTENT_DATASET when given', () => {
    expect(contentSourceFrom(parseEnv({ CONTENT_DATASET: 'data/export' }), '/srv/site')).toEqual({
      kind: 'embedded',
      datasetPath: '/srv/site/data/export',
    });
  });

  it('uses Sanity when a project and dataset are configured, through SANITY_API_HOST when set', () => {
    const config = contentSourceFrom(
      parseEnv({
        NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123',
        NEXT_PUBLIC_SANITY_DATASET: 'production',
        SANITY_API_HOST: 'http://127.0.0.1:4000',
        SANITY_API_READ_TOKEN: 'secret',
      }),
    );
    expect(config).toMatchObject({ kind: 'sanity', projectId: 'abc123', apiHost: 'http://127.0.0.1:4000', token: 'secret' });
  });

  it('with a project id alone uses its production dataset, as the Studio does', () => {
    expect(contentSourceFrom(parseEnv({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'abc123' }))).toMatchObject({ kind: 'sanity', dataset: 'production' });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => parseEnv({ SITE_URL: 'not a url' })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ NEXT_PUBLIC_SANITY_PROJECT_ID: 'Bad Id!' })).toThrow(/NEXT_PUBLIC_SANITY_PROJECT_ID/);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ CONTENT_DATASET: '', SITE_URL: 'https://news.example' })).toMatchObject({
      CONTENT_DATASET: undefined,
      SITE_URL: 'https://news.example',
    });
  });
});
