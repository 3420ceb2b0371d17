import type { MetadataRoute } from 'next';
import { site } from '@/lib/site';
import { themeColours } from '@/lib/theme';

/*
 * The web app manifest (/manifest.webmanifest). `user_preferences` gives the
 * dark colours to browsers that read it (Chromium); others use the light ones
 * and the page's own theme-color, which has both.
 */
type ManifestWithDark = MetadataRoute.Manifest & {
  user_preferences: { color_scheme: { dark: { theme_color: string; background_color: string } } };
};

export default function manifest(): ManifestWithDark {
  return {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.language,
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: themeColours.light.background,
    theme_color: themeColours.light.theme,
    user_preferences: {
      color_scheme: { dark: { theme_color: themeColours.dark.theme, background_color: themeColours.dark.background } },
    },
    icons: [
      { src: '/icon.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: site.logoPath, sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  };
}
