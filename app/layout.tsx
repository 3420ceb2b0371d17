import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
// One stylesheet per feature, in cascade order; print last so it overrides the rest.
import './styles/base.css';
import './styles/header-footer.css';
import './styles/breaking-news.css';
import './styles/cards.css';
import './styles/article.css';
import './styles/listings.css';
import './styles/onward.css';
import './styles/search.css';
import './styles/live.css';
import './styles/targets.css';
import './styles/print.css';
import { FeedAutodiscovery } from '@/components/follow-rss';
import { serverEnv } from '@/lib/env';
import { site } from '@/lib/site';
import { themeColours } from '@/lib/theme';

export const metadata: Metadata = {
  metadataBase: new URL(serverEnv().SITE_URL),
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
  applicationName: site.name,
  alternates: { canonical: '/' },
  openGraph: { siteName: site.name, type: 'website', locale: 'en' },
  // Articles get a generated 1200×630 card (app/(site)/articles/[slug]/opengraph-image.tsx).
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: themeColours.light.theme },
    { media: '(prefers-color-scheme: dark)', color: themeColours.dark.theme },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} dir="ltr">
      <head>
        <FeedAutodiscovery />
      </head>
      <body>{children}</body>
    </html>
  );
}
