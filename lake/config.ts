import path from 'node:path';
import { PLACEHOLDER_PROJECT_ID } from '../sanity/env.ts';

/*
 * The lake's configuration, read once and refused loudly. The open local mode (no login, every
 * caller an editor) exists only without a Sanity project and only on loopback; bound to any
 * other address, the lake demands a token for everything but published reads.
 */

export type LakeConfig = {
  datasetPath: string;
  host: string;
  port: number;
  publicUrl: string;
  projectId: string;
  dataset: string;
  open: boolean;
  token?: string;
  webhookUrls: string[];
  webhookSecret?: string;
};

export const DEFAULT_LAKE_PORT = 4343;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const TOKEN_MIN_LENGTH = 32;

export function lakeConfigFrom(env: Record<string, string | undefined>, root: string): LakeConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  if (value('NEXT_PUBLIC_SANITY_PROJECT_ID')) {
    throw new Error(
      'NEXT_PUBLIC_SANITY_PROJECT_ID is set: with a Sanity project, the Studio and the site use Sanity, and the local Content Lake does not run.',
    );
  }
  const port = Number(value('CONTENT_LAKE_PORT') ?? DEFAULT_LAKE_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CONTENT_LAKE_PORT must be a port number, got "${value('CONTENT_LAKE_PORT')}"`);
  const host = value('CONTENT_LAKE_HOST') ?? '127.0.0.1';
  const open = LOOPBACK.has(host);
  const token = value('CONTENT_LAKE_TOKEN');
  if (!open && (!token || token.length < TOKEN_MIN_LENGTH)) {
    throw new Error(
      `CONTENT_LAKE_HOST=${host} is not loopback: set CONTENT_LAKE_TOKEN (at least ${TOKEN_MIN_LENGTH} characters; openssl rand -hex 32), which every write and draft read must then carry.`,
    );
  }
  const sitePort = value('PORT') ?? '3000';
  const webhookUrls = (value('CONTENT_LAKE_WEBHOOK_URLS') ?? `http://localhost:${sitePort}/api/revalidate`)
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '' && url !== 'none');
  for (const url of webhookUrls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`CONTENT_LAKE_WEBHOOK_URLS: "${url}" is not an http(s) URL`);
  }
  return {
    datasetPath: path.resolve(root, value('CONTENT_DATASET') ?? 'sanity/sample-dataset'),
    host,
    port,
    publicUrl: (value('CONTENT_LAKE_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    projectId: PLACEHOLDER_PROJECT_ID,
    dataset: value('NEXT_PUBLIC_SANITY_DATASET') ?? 'production',
    open,
    token,
    webhookUrls,
    webhookSecret: value('SANITY_REVALIDATE_SECRET'),
  };
}
