import type { Pixel } from './png.ts';

/*
 * The sample dataset's abstract illustrations, as functions of the position
 * (u, v in 0…1), so one pattern renders at full size and as its 20-pixel LQIP.
 */

type Rgb = readonly [number, number, number];
export type Pattern = (u: number, v: number) => Rgb;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const smooth = (edge0: number, edge1: number, x: number) => {
  const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
};

/** Steppe horizon: pale sky, a low sun, bands of ochre land. */
export const steppeHorizon: Pattern = (u, v) => {
  const sky = mix([236, 222, 196], [164, 190, 214], 1 - v * 1.6);
  const sunDistance = Math.hypot((u - 0.7) * 1.78, v - 0.38);
  let colour = mix(sky, [250, 214, 150], 1 - smooth(0.06, 0.16, sunDistance));
  const ridge = 0.56 + 0.03 * Math.sin(u * 9) + 0.015 * Math.sin(u * 31);
  if (v > ridge) {
    const band = Math.floor((v - ridge) * 22 + 0.6 * Math.sin(u * 4));
    const land: Rgb = band % 2 === 0 ? [176, 128, 62] : [146, 101, 48];
    colour = mix(land, [92, 64, 34], smooth(ridge, 1.1, v));
  }
  return colour;
};

/** Lake ripples: rings spreading on deep blue water, a pale shore line. */
export const lakeRipples: Pattern = (u, v) => {
  const d = Math.hypot((u - 0.35) * 1.78, v - 0.55);
  const ring = 0.5 + 0.5 * Math.cos(d * 70 - 1.2) * Math.exp(-d * 2.2);
  const water = mix([22, 66, 104], [86, 154, 178], ring * 0.8 + v * 0.2);
  const shore = 0.18 + 0.05 * Math.sin(u * 7);
  return v < shore ? mix([214, 200, 168], [190, 172, 130], v / shore) : water;
};

/** Solar field: rows of dark panels in perspective under a bright sky. */
export const solarField: Pattern = (u, v) => {
  if (v < 0.38) return mix([252, 236, 196], [120, 170, 214], 1 - v / 0.38);
  const depth = (v - 0.38) / 0.62;
  const rows = Math.sin(Math.pow(depth, 0.55) * 40);
  const columns = Math.abs(Math.sin(((u - 0.5) / (0.15 + depth)) * 26));
  const panel = rows > 0.1 && columns > 0.12;
  const ground: Rgb = mix([198, 170, 116], [150, 122, 80], depth);
  return panel ? mix([30, 48, 84], [64, 96, 148], depth * 0.6 + columns * 0.2) : ground;
};

/** The pattern as pixels of a width × height image (sampled at pixel centres). */
export function pixelsOf(pattern: Pattern, width: number, height: number): Pixel {
  return (x, y) => pattern((x + 0.5) / width, (y + 0.5) / height);
}
