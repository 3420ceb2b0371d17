import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaResponse } from '@/lib/images/media-response';
import { negotiateFormat } from '@/lib/images/media-format';
import { MEDIA_WIDTHS, mediaWidth } from '@/lib/images/widths';

const SAMPLE_IMAGES = join(import.meta.dirname, '../../sanity/sample-dataset/images');
// The sample's largest illustration (225 KB as a PNG at 1200 px).
const NAME = 'e739f6e8fbd8fd174347077c79db0a24c385b0a7-1200x675.png';
const CHROME_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

let root: string;
let folders: { imagesFolder: string; cacheDir: string };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'media-'));
  folders = { imagesFolder: join(root, 'dataset/images'), cacheDir: join(root, 'cache') };
  mkdirSync(folders.imagesFolder, { recursive: true });
  copyFileSync(join(SAMPLE_IMAGES, NAME), join(folders.imagesFolder, NAME));
  writeFileSync(join(root, 'dataset/data.ndjson'), '{"_id":"secret","_type":"x"}\n');
  symlinkSync(join(root, 'dataset/data.ndjson'), join(folders.imagesFolder, 'aaaa-1x1.png'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (path: string, accept = CHROME_ACCEPT) =>
  mediaResponse(new Request(`http://localhost/media/${path}`, { headers: { accept } }), decodeURIComponent(path.split('?')[0]!), folders);

async function image(response: Response) {
  const body = Buffer.from(await response.arrayBuffer());
  const { width, format } = await sharp(body).metadata();
  return { body, width, format };
}

describe('mediaWidth', () => {
  it('snaps any width to the bounded set, and an unreadable one to 400', () => {
    expect(mediaWidth('750')).toBe(750);
    expect(mediaWidth('700')).toBe(750);
    expect(mediaWidth('1')).toBe(MEDIA_WIDTHS[0]);
    expect(mediaWidth('999999')).toBe(MEDIA_WIDTHS.at(-1));
    for (const bad of [null, '', 'abc', '-5', '0', '1e3', '750.5']) expect(mediaWidth(bad), String(bad)).toBe(400);
    const distinct = new Set(Array.from({ length: 5000 }, (_, i) => mediaWidth(String(i))));
    expect(distinct.size).toBe(MEDIA_WIDTHS.length);
  });
});

describe('negotiateFormat', () => {
  it('prefers AVIF, then WebP, else the original format; q=0 and image/* do not count', () => {
    expect(negotiateFormat(CHROME_ACCEPT, 'png')).toBe('avif');
    expect(negotiateFormat('image/webp,*/*', 'jpeg')).toBe('webp');
    expect(negotiateFormat('image/avif;q=0, image/webp', 'png')).toBe('webp');
    expect(negotiateFormat('image/*,*/*;q=0.8', 'png')).toBe('png');
    expect(negotiateFormat(null, 'jpeg')).toBe('jpeg');
    expect(negotiateFormat(CHROME_ACCEPT, 'gif')).toBe('gif');
  });
});

describe('/media', () => {
  it('answers a srcset width with an image no wider than asked, in the format the browser accepts', async () => {
    const response = await get(`${NAME}?w=750`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('vary')).toBe('Accept');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const avif = await image(response);
    expect(avif.width).toBe(750);
    expect(avif.format).toBe('heif');
    expect(avif.body.byteLength).toBeLessThan(60_000);

    const webp = await image(await get(`${NAME}?w=640`, 'image/webp,*/*'));
    expect([webp.format, webp.width]).toEqual(['webp', 640]);

    const png = await get(`${NAME}?w=400`, '*/*');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await image(png)).width).toBe(400);
  });

  it('never enlarges, and snaps an unknown width instead of rendering it', async () => {
    expect((await image(await get(`${NAME}?w=3840`, 'image/webp'))).width).toBe(1200);
    expect((await image(await get(`${NAME}?w=333`, 'image/webp'))).width).toBe(320);
    expect((await image(await get(NAME, 'image/webp'))).width).toBe(400);
  });

  it('encodes each width and format once, then serves it from the disk cache', async () => {
    await get(`${NAME}?w=828`);
    const file = join(folders.cacheDir, NAME.replace('.png', '-w828.avif'));
    const first = statSync(file).mtimeMs;
    const [a, b] = await Promise.all([get(`${NAME}?w=828`), get(`${NAME}?w=820`)]);
    expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer()))).toBe(true);
    expect(statSync(file).mtimeMs).toBe(first);
    expect(readdirSync(folders.cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('still refuses names outside the images folder, other files and symlinks out of it', async () => {
    for (const path of ['..%2Fdata.ndjson', '%2e%2e%2fdata.ndjson', 'data.ndjson', 'x.svg', 'aaaa-1x1.png', '0000-1x1.png']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('secret');
    }
  });
});
