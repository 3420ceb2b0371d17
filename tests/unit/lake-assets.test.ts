import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, serveAsset, storeUpload } from '@/lake/assets.ts';
import { fromExportForm, toExportForm } from '@/lake/export-form.ts';
import { LakeError } from '@/lake/types.ts';

const IMAGE_BASE = 'http://localhost:4343/images/no-project/production';
const FILE_BASE = 'http://localhost:4343/files/no-project/production';
const NOW = '2025-03-04T05:06:07.000Z';

let root: string;
let folder: string;
let png: Buffer;
let sha1: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lake-assets-'));
  folder = join(root, 'dataset');
  // 64×32, left half opaque red, right half half-transparent blue: it has alpha and is not opaque.
  const half = { width: 32, height: 32, channels: 4 as const };
  const red = await sharp({ create: { ...half, background: { r: 255, g: 0, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();
  const blue = await sharp({ create: { ...half, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();
  png = await sharp({ create: { width: 64, height: 32, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      { input: red, left: 0, top: 0 },
      { input: blue, left: 32, top: 0 },
    ])
    .png()
    .toBuffer();
  sha1 = createHash('sha1').update(png).digest('hex');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const upload = (bytes: Buffer, filename?: string, kind: 'images' | 'files' = 'images') =>
  storeUpload({ folder, kind, bytes, filename, imageUrlBase: IMAGE_BASE, fileUrlBase: FILE_BASE, now: NOW });

async function rejection(promise: Promise<unknown>): Promise<LakeError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LakeError);
  return error as LakeError;
}

describe('storeUpload', () => {
  it('answers the sanity.imageAsset document the Content Lake would create', async () => {
    const doc = await upload(png, 'photo.png');
    expect(doc).toEqual({
      _id: `image-${sha1}-64x32-png`,
      _type: 'sanity.imageAsset',
      _createdAt: NOW,
      _updatedAt: NOW,
      assetId: sha1,
      sha1hash: sha1,
      extension: 'png',
      mimeType: 'image/png',
      originalFilename: 'photo.png',
      size: png.byteLength,
      path: `images/no-project/production/${sha1}-64x32.png`,
      url: `${IMAGE_BASE}/${sha1}-64x32.png`,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', width: 64, height: 32, aspectRatio: 2 },
        lqip: expect.stringMatching(/^data:image\/png;base64,/),
        hasAlpha: true,
        isOpaque: false,
      },
    });
    const lqip = Buffer.from((doc.metadata as { lqip: string }).lqip.split(',')[1]!, 'base64');
    expect(await sharp(lqip).metadata()).toMatchObject({ format: 'png', width: 20, height: 10 });
  });

  it('writes the bytes under their sha1 and size, and leaves no temporary file', async () => {
    await upload(png, 'photo.png');
    expect(readFileSync(join(folder, 'images', `${sha1}-64x32.png`)).equals(png)).toBe(true);
    expect(readdirSync(join(folder, 'images'))).toEqual([`${sha1}-64x32.png`]);
  });

  it('never names the stored file after the client: a traversal filename stays a label', async () => {
    const doc = await upload(png, '../../../etc/evil.png');
    expect(doc.originalFilename).toBe('evil.png');
    expect(doc._id).toBe(`image-${sha1}-64x32-png`);
    expect(existsSync(join(root, 'evil.png'))).toBe(false);
    expect(readdirSync(join(folder, 'images'))).toEqual([`${sha1}-64x32.png`]);
  });

  it('refuses what is not an image with 400, writing nothing', async () => {
    const error = await rejection(upload(Buffer.from('<html>not an image</html>'), 'page.png'));
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/page\.png could not be read as an image/);
    expect(readdirSync(join(folder, 'images'))).toEqual([`${sha1}-64x32.png`]);
  });

  it('refuses an upload over the size bound with 413', async () => {
    const error = await rejection(upload(Buffer.alloc(MAX_UPLOAD_BYTES + 1), 'huge.png'));
    expect(error.statusCode).toBe(413);
  });

  it('gives documents that survive the export form unchanged (saved and read back after a restart)', async () => {
    const opaque = await sharp({ create: { width: 8, height: 4, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const saved = join(root, 'saved');
    const store = (bytes: Buffer, filename: string) =>
      storeUpload({ folder: saved, kind: 'images', bytes, filename, imageUrlBase: IMAGE_BASE, fileUrlBase: FILE_BASE, now: NOW });
    const uploads = [await store(png, 'photo.png'), await store(opaque, 'opaque.png')];
    const exported = toExportForm(uploads);
    writeFileSync(join(saved, 'assets.json'), JSON.stringify(exported.assets));
    expect(fromExportForm(exported.docs, saved, IMAGE_BASE)).toEqual(uploads);
  });

  it('stores a file under its sha1 and a lowercase extension, as a sanity.fileAsset', async () => {
    const bytes = Buffer.from('%PDF-1.4 a report');
    const fileSha = createHash('sha1').update(bytes).digest('hex');
    const doc = await upload(bytes, 'Report.PDF', 'files');
    expect(doc).toMatchObject({
      _id: `file-${fileSha}-pdf`,
      _type: 'sanity.fileAsset',
      mimeType: 'application/pdf',
      originalFilename: 'Report.PDF',
      size: bytes.byteLength,
      path: `files/no-project/production/${fileSha}.pdf`,
      url: `${FILE_BASE}/${fileSha}.pdf`,
    });
    const served = await serveAsset(folder, 'files', `${fileSha}.pdf`, new URLSearchParams());
    expect(served.status).toBe(200);
    expect(served.headers['Content-Type']).toBe('application/pdf');
    expect(Buffer.from(served.body).equals(bytes)).toBe(true);
  });
});

describe('serveAsset', () => {
  const name = () => `${sha1}-64x32.png`;
  const get = (path: string, query = '', accept = '') => serveAsset(folder, 'images', path, new URLSearchParams(query), accept);
  const size = async (body: Buffer | string) => sharp(Buffer.from(body)).metadata();

  beforeAll(async () => {
    await upload(png, 'photo.png');
  });

  it('sends the original, immutable, when nothing is asked', async () => {
    const served = await get(name());
    expect(served.status).toBe(200);
    expect(served.headers['Content-Type']).toBe('image/png');
    expect(served.headers['Cache-Control']).toContain('immutable');
    expect(Buffer.from(served.body).equals(png)).toBe(true);
  });

  it('resizes to the width asked', async () => {
    const served = await get(name(), 'w=16');
    expect(served.headers['Content-Type']).toBe('image/png');
    expect(await size(served.body)).toMatchObject({ width: 16, height: 8 });
  });

  it('cuts rect, then fills w×h with fit=crop, and converts with fm', async () => {
    const served = await get(name(), 'rect=32,0,32,32&w=10&h=10&fit=crop&fm=jpg');
    expect(served.headers['Content-Type']).toBe('image/jpeg');
    const { data } = await sharp(Buffer.from(served.body)).raw().toBuffer({ resolveWithObject: true });
    expect(await size(served.body)).toMatchObject({ format: 'jpeg', width: 10, height: 10 });
    // The right half was blue: the cut must not show the red left half.
    expect(data[0]! < 200 && data[2]! > 100).toBe(true);
  });

  it('answers auto=format with WebP when the browser takes it, varying by Accept', async () => {
    const served = await get(name(), 'w=32&auto=format', 'image/avif,image/webp,*/*');
    expect(served.headers['Content-Type']).toBe('image/webp');
    expect(served.headers.Vary).toBe('Accept');
    expect(await size(served.body)).toMatchObject({ format: 'webp', width: 32 });
  });

  it('bounds the width and dpr a URL can ask for', async () => {
    const served = await get(name(), 'w=99999&dpr=9&fm=jpg&q=10');
    expect(await size(served.body)).toMatchObject({ width: 4000, height: 2000 });
  });

  it('answers 404 to a name outside the strict pattern, a traversal, a missing file or a symlink out', async () => {
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const outside = `${'f'.repeat(40)}-1x1.png`;
    symlinkSync(join(root, 'secret.txt'), join(folder, 'images', outside));
    for (const bad of ['../secret.txt', '..%2Fsecret.txt', `${name()}/../../secret.txt`, '/etc/passwd', `${'e'.repeat(40)}-64x32.png`, outside]) {
      const served = await get(bad);
      expect(served.status, bad).toBe(404);
      expect(served.headers['Cache-Control']).toBe('no-store');
    }
  });
});
