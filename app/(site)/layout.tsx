import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getSections } from '@/lib/content/directory';

/** Reader pages: header, main landmark, footer. The Studio lives outside this group. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader sections={await getSections()} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
