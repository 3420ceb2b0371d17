import type { Metadata, Viewport } from 'next';
import { NextStudio, metadata as studioMetadata, viewport as studioViewport } from 'next-sanity/studio';
import { config } from '../../../sanity.config.ts';

// The Studio is for editors, never for search engines.
export const metadata: Metadata = {
  ...studioMetadata,
  title: 'Studio', // the root layout's template adds the site name
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { ...studioViewport };

export default function StudioPage() {
  return <NextStudio config={config} />;
}
