import sharp, { type Sharp } from 'sharp';

/*
 * The part of Sanity's image pipeline the image URL builder and the Studio use (`rect`, `w`, `h`,
 * `dpr`, `fit`, `crop`, `fp-x`/`fp-y`, `bg`, `fm`, `q`, `auto=format`), done with sharp. A parameter
 * that does not parse is ignored, as the CDN does, and every size is bounded, so no URL can make the
 * lake encode a huge image. Unlike imgix, an unset `fit` is `clip` (fit inside the box); the builder
 * sends a `rect` with the box's aspect ratio whenever the image has a crop or hotspot anyway.
 */

export const MAX_OUTPUT_DIMENSION = 4000;
const MAX_DPR = 3;

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
type Fit = 'clip' | 'crop' | 'fill' | 'fillmax' | 'max' | 'min' | 'scale';

export type ImagePlan = {
  rect?: { left: number; top: number; width: number; height: number };
  width?: number;
  height?: number;
  fit: Fit;
  /** sharp's position for `fit=crop`, or a focal point (0…1) for `crop=focalpoint`. */
  gravity: string | { x: number; y: number };
  background?: string;
  format?: OutputFormat;
  progressive: boolean;
  quality: number;
  /** The answer depends on the `Accept` header (auto=format). */
  variesByAccept: boolean;
};

const FITS = new Set<Fit>(['clip', 'crop', 'fill', 'fillmax', 'max', 'min', 'scale']);
const FORMATS: Record<string, OutputFormat> = { jpg: 'jpeg', pjpg: 'jpeg', jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' };
const GRAVITY: Record<string, string> = { top: 'top', bottom: 'bottom', left: 'left', right: 'right', center: 'centre', entropy: 'entropy' };

function positiveInt(value: string | null, max: number): number | undefined {
  if (!value || !/^\d{1,7}(\.\d+)?$/.test(value)) return undefined;
  const number = Math.round(Number(value));
  return number > 0 ? Math.min(number, max) : undefined;
}

function unit(value: string | null): number | undefined {
  const number = value === null ? NaN : Number(value);
  return Number.isFinite(number) && number >= 0 && number <= 1 ? number : undefined;
}

function parseRect(value: string | null, width: number, height: number): ImagePlan['rect'] {
  const parts = value?.split(',').map(Number);
  if (!parts || parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0)) return undefined;
  const [left = 0, top = 0, w = 0, h = 0] = parts;
  if (left >= width || top >= height || w === 0 || h === 0) return undefined;
  return { left, top, width: Math.min(w, width - left), height: Math.min(h, height - top) };
}

/** What a query asks of an image of the given (oriented) size. */
export function planImage(query: URLSearchParams, source: { width: number; height: number }, accept = ''): ImagePlan {
  const dprValue = Number(query.get('dpr'));
  const dpr = Number.isFinite(dprValue) && dprValue > 0 ? Math.min(dprValue, MAX_DPR) : 1;
  const scaled = (value: number | undefined) => (value === undefined ? undefined : Math.min(Math.round(value * dpr), MAX_OUTPUT_DIMENSION));
  const fit = (query.get('fit') ?? 'clip') as Fit;
  const crop = query.get('crop') ?? 'center';
  const fx = unit(query.get('fp-x'));
  const fy = unit(query.get('fp-y'));
  const auto = (query.get('auto') ?? '').split(',').includes('format');
  const fm = FORMATS[query.get('fm') ?? ''];
  const autoFormat = auto && !fm && /image\/webp/.test(accept) ? 'webp' : undefined;
  const bg = query.get('bg') ?? '';
  return {
    rect: parseRect(query.get('rect'), source.width, source.height),
    width: scaled(positiveInt(query.get('w'), MAX_OUTPUT_DIMENSION)),
    height: scaled(positiveInt(query.get('h'), MAX_OUTPUT_DIMENSION)),
    fit: FITS.has(fit) ? fit : 'clip',
    gravity: crop === 'focalpoint' && fx !== undefined && fy !== undefined ? { x: fx, y: fy } : (GRAVITY[crop.split(',')[0] ?? ''] ?? 'centre'),
    background: /^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(bg) ? `#${bg}` : undefined,
    format: fm ?? autoFormat,
    progressive: query.get('fm') === 'pjpg',
    quality: positiveInt(query.get('q'), 100) ?? 75,
    variesByAccept: auto && !fm,
  };
}

/** True when the plan leaves the original as it is (serve the file's own bytes). */
export function isIdentity(plan: ImagePlan): boolean {
  return !plan.rect && plan.width === undefined && plan.height === undefined && !plan.format;
}

function resized(image: Sharp, plan: ImagePlan, size: { width: number; height: number }): Sharp {
  const { width, height, fit } = plan;
  if (width === undefined && height === undefined) return image;
  const background = plan.background ?? { r: 0, g: 0, b: 0, alpha: 0 };
  const never = fit === 'max' || fit === 'min' || fit === 'fillmax';
  if (width === undefined || height === undefined) return image.resize({ width, height, withoutEnlargement: never });
  switch (fit) {
    case 'scale':
      return image.resize({ width, height, fit: 'fill' });
    case 'fill':
      return image.resize({ width, height, fit: 'contain', background });
    case 'fillmax': {
      const scale = Math.min(1, width / size.width, height / size.height);
      const w = Math.max(1, Math.round(size.width * scale));
      const h = Math.max(1, Math.round(size.height * scale));
      const [x, y] = [Math.floor((width - w) / 2), Math.floor((height - h) / 2)];
      return image.resize({ width: w, height: h, fit: 'fill' }).extend({ left: x, right: width - w - x, top: y, bottom: height - h - y, background });
    }
    case 'crop':
    case 'min': {
      if (typeof plan.gravity === 'string') return image.resize({ width, height, fit: 'cover', position: plan.gravity, withoutEnlargement: never });
      // A focal point: scale to cover the box, then cut the box centred on the point (kept inside).
      const scale = Math.max(width / size.width, height / size.height);
      const w = Math.max(width, Math.round(size.width * scale));
      const h = Math.max(height, Math.round(size.height * scale));
      const left = Math.min(Math.max(0, Math.round(plan.gravity.x * w - width / 2)), w - width);
      const top = Math.min(Math.max(0, Math.round(plan.gravity.y * h - height / 2)), h - height);
      return image.resize({ width: w, height: h, fit: 'fill' }).extract({ left, top, width, height });
    }
    default:
      return image.resize({ width, height, fit: 'inside', withoutEnlargement: never });
  }
}

/** The transformed image and its format. `original` is the file's own format in sharp's words. */
export async function transformImage(source: Buffer, plan: ImagePlan, original: OutputFormat): Promise<{ body: Buffer; format: OutputFormat }> {
  const format = plan.format ?? original;
  // Rotate first so `rect` and the sizes are in the coordinates of the picture as seen (the id's size).
  const animated = format === 'gif' && original === 'gif' && !plan.rect;
  let image = sharp(source, { animated, failOn: 'error' }).autoOrient();
  const meta = await sharp(source).metadata();
  let size = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  if (plan.rect) {
    // Cut the rectangle from the oriented pixels, then go on from those (raw: no second encode).
    const { data, info } = await image.extract(plan.rect).raw().toBuffer({ resolveWithObject: true });
    image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    size = { width: info.width, height: info.height };
  }
  image = resized(image, plan, size);
  const q = plan.quality;
  switch (format) {
    case 'jpeg':
      image = image.flatten({ background: plan.background ?? '#ffffff' }).jpeg({ quality: q, progressive: plan.progressive, mozjpeg: true });
      break;
    case 'webp':
      image = image.webp({ quality: q, effort: 4 });
      break;
    case 'avif':
      image = image.avif({ quality: Math.round(q * 0.7), effort: 4 });
      break;
    case 'gif':
      image = image.gif();
      break;
    case 'png':
      image = image.png({ compressionLevel: 8 });
      break;
  }
  return { body: await image.toBuffer(), format };
}
