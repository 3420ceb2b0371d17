/*
 * The image widths the site asks for and the only widths /media renders.
 * next.config.ts gives these to next/image, so every srcset entry is one of
 * them; /media snaps any other `w` to the nearest, so nobody can make the
 * server encode thousands of variants of one file.
 */

/** next/image `deviceSizes`: full-width images on phones, tablets and desktops. */
export const DEVICE_WIDTHS = [640, 750, 828, 1080, 1200, 1920] as const;

/** next/image `imageSizes`: cards that take half the screen or a fixed column. */
export const COLUMN_WIDTHS = [320, 400] as const;

export const MEDIA_WIDTHS: readonly number[] = [...COLUMN_WIDTHS, ...DEVICE_WIDTHS].sort((a, b) => a - b);

/** A request without a readable width gets a phone-sized image, not the original. */
export const DEFAULT_MEDIA_WIDTH = 400;

/** The allowed width nearest to `w` (the larger one on a tie); DEFAULT_MEDIA_WIDTH when `w` is not a positive integer. */
export function mediaWidth(w: string | null | undefined): number {
  if (!w || !/^\d{1,6}$/.test(w)) return DEFAULT_MEDIA_WIDTH;
  const asked = Number(w);
  if (asked <= 0) return DEFAULT_MEDIA_WIDTH;
  let best = MEDIA_WIDTHS[0]!;
  for (const width of MEDIA_WIDTHS) {
    if (Math.abs(width - asked) <= Math.abs(best - asked)) best = width;
  }
  return best;
}
