import type { ReactNode } from 'react';
import { BreakingNewsBanner } from '@/components/breaking-news';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { StaticDocumentMark } from '@/components/static-document';
import { getSections } from '@/lib/content/directory';
import { getBreakingNews } from '@/lib/content/site-settings';

/**
 * Reader pages: header, breaking news, main landmark, footer. The Studio lives
 * outside this group. Every page carries the banner's cache tag through here.
 * Everything under it is server components: its pages go out without the
 * framework's client runtime (StaticDocumentMark).
 */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [sections, breakingNews] = await Promise.all([getSections(), getBreakingNews()]);
  return (
    <>
      <StaticDocumentMark />
      <SiteHeader sections={sections} />
      <BreakingNewsBanner news={breakingNews} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
