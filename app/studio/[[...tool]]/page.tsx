import type { Metadata, Viewport } from 'next';
import { NextStudio, metadata as studioMetadata, viewport as studioViewport } from 'next-sanity/studio';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { config } from '../../../sanity.config.ts';

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

export default function StudioPage() {
  return (
    <>
      <Suspense fallback={null}>
        <RequestTime />
      </Suspense>
      <NextStudio config={config} />
    </>
  );
}
