import type { Metadata, Viewport } from 'next';
import { NextStudio, metadata as studioMetadata, viewport as studioViewport } from 'next-sanity/studio';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { contentLakeUrl, serverEnv } from '@/lib/env';
import { config } from '../../../sanity.config.ts';
import { hasSanityProject } from '../../../sanity/env.ts';
import { LocalStudio } from './local-studio.tsx';

// The Studio is for editors, never for search engines.
export const metadata: Metadata = {
  ...studioMetadata,
  title: 'Studio', // the root layout's template adds the site name
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { ...studioViewport };

/**
 * The Studio routes on the client, so any /studio/… path serves the same page.
 * Marking it request-time tells Cache Components not to prerender per path.
 */
async function RequestTime() {
  await connection();
  return null;
}

/** Without a project, the local Content Lake's URL is read per request: a build runs on any CONTENT_LAKE_PORT. */
async function LocalStudioAtRequestTime() {
  await connection();
  return <LocalStudio lakeUrl={contentLakeUrl(serverEnv())} />;
}

export default function StudioPage() {
  // Decided by the same build-time fact as the Studio's bundle and the /studio policy (sanity/env.ts).
  if (!hasSanityProject) {
    return (
      <Suspense fallback={null}>
        <LocalStudioAtRequestTime />
      </Suspense>
    );
  }
  return (
    <>
      <Suspense fallback={null}>
        <RequestTime />
      </Suspense>
      <NextStudio config={config} />
    </>
  );
}
