'use client';

import { NextStudio } from 'next-sanity/studio/client-component';
import { useMemo } from 'react';
import { createStudioConfig } from '../../../sanity.config.ts';

/**
 * The Studio on the local Content Lake. The config is built here, in the
 * browser, because it holds functions a server component cannot pass; the
 * lake's URL arrives as a plain string, read when the page is requested.
 *
 * This NextStudio is next-sanity's client component itself: the default export
 * of next-sanity/studio wraps it to add https://core.sanity-cdn.com/bridge.js,
 * which only serves Sanity's hosted dashboard and cannot load offline.
 */
export function LocalStudio({ lakeUrl }: { lakeUrl: string }) {
  const config = useMemo(() => createStudioConfig({ lakeUrl }), [lakeUrl]);
  return <NextStudio config={config} />;
}
