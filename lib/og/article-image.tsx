import { ImageResponse } from 'next/og';
import { site } from '../site.ts';
import { OG_FONT_FAMILY, ogFonts } from './fonts.ts';
import { isMostlyPrintable, printable } from './printable.ts';

export const OG_SIZE = { width: 1200, height: 630 };

function headlineSize(length: number): number {
  if (length <= 50) return 76;
  if (length <= 90) return 64;
  return 50;
}

/**
 * The 1200×630 card shared on social networks: lead tag, headline, site name.
 * A headline in a script the bundled fonts lack is left off (the site name
 * stays), because drawing it would fetch fonts from the network.
 */
export async function articleOgImage({ title, tag }: { title: string; tag?: string }): Promise<ImageResponse> {
  const headline = isMostlyPrintable(title) ? printable(title) : '';
  const kicker = tag && isMostlyPrintable(tag) ? printable(tag) : '';
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#fbfaf7',
        color: '#141414',
        fontFamily: OG_FONT_FAMILY,
        borderTop: '16px solid #c8102e',
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        {kicker && (
          <div style={{ display: 'flex', fontSize: 30, fontWeight: 700, color: '#c8102e', textTransform: 'uppercase', letterSpacing: 2, marginBottom: 24 }}>
            {kicker}
          </div>
        )}
        <div style={{ display: 'flex', fontSize: headlineSize(headline.length), fontWeight: 700, lineHeight: 1.12 }}>{headline}</div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 400 }}>
        <div
          style={{
            display: 'flex',
            width: 56,
            height: 56,
            background: '#141414',
            color: '#fbfaf7',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 26,
            fontWeight: 700,
            marginRight: 20,
          }}
        >
          NM
        </div>
        {site.name}
      </div>
    </div>,
    { ...OG_SIZE, fonts: await ogFonts() },
  );
}
