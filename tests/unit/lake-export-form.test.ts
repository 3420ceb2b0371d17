import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, type RawDocument } from '@/lib/dataset/ndjson.ts';
import { fromExportForm, toExportForm } from '@/lake/export-form.ts';
import type { LakeDocument } from '@/lake/types.ts';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const BASE = 'http://localhost:4343/images/no-project/production';
const STEPPE = 'ab029857feb21aac5868bbe4abb56839d294cb36';
const STEPPE_ID = `image-${STEPPE}-1200x675-png`;
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_C = 'c'.repeat(40);

const sampleDocs = () => readDatasetFile(join(SAMPLE, 'data.ndjson')).docs;
const byId = (docs: LakeDocument[]) => new Map(docs.map((doc) => [doc._id, doc]));

describe('fromExportForm on the sample dataset', () => {
  const lake = fromExportForm(sampleDocs(), SAMPLE, BASE);
  const assets = lake.filter((doc) => doc._type === 'sanity.imageAsset');

  it('turns each image field into a reference, with no _sanityAsset left', () => {
    expect(JSON.stringify(lake)).not.toContain('_sanityAsset');
    const article = lake.find((doc) => doc._type === 'article' && JSON.stringify(doc).includes(STEPPE))!;
    expect(JSON.stringify(article)).toContain(`"asset":{"_type":"reference","_ref":"${STEPPE_ID}"}`);
  });

  it('adds one sanity.imageAsset document per image, as the Content Lake has it', () => {
    expect(assets.map((doc) => doc._id).sort()).toEqual(
      [STEPPE_ID, `image-dd19a54f07aea87cc65324e79a696ccf505b87ad-1200x675-png`, `image-e739f6e8fbd8fd174347077c79db0a24c385b0a7-1200x675-png`].sort(),
    );
    const steppe = byId(lake).get(STEPPE_ID)!;
    expect(steppe).toMatchObject({
      _type: 'sanity.imageAsset',
      assetId: STEPPE,
      sha1hash: STEPPE,
      extension: 'png',
      mimeType: 'image/png',
      originalFilename: 'steppe-horizon.png',
      size: statSync(join(SAMPLE, 'images', `${STEPPE}-1200x675.png`)).size,
      path: `images/no-project/production/${STEPPE}-1200x675.png`,
      url: `${BASE}/${STEPPE}-1200x675.png`,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', width: 1200, height: 675, aspectRatio: 1200 / 675 },
        hasAlpha: false,
        isOpaque: true,
      },
    });
    expect((steppe.metadata as { lqip: string }).lqip).toMatch(/^data:image\/png;base64,/);
  });

  it('round-trips: back in export form, data.ndjson and assets.json are the sample byte for byte', () => {
    const back = toExportForm(lake);
    expect(JSON.stringify(back.docs)).toBe(JSON.stringify(sampleDocs()));
    expect(`${JSON.stringify(back.assets, null, 2)}\n`).toBe(readFileSync(join(SAMPLE, 'assets.json'), 'utf8'));
  });
});

describe('the export form of a lake with uploads, files and asset documents', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'lake-export-form-'));
    mkdirSync(join(folder, 'files'));
    mkdirSync(join(folder, 'images'));
    writeFileSync(join(folder, 'files', `${SHA_B}.pdf`), 'pdf bytes');
    writeFileSync(join(folder, 'images', `${SHA_A}-20x10.png`), Buffer.alloc(1234));
    writeFileSync(join(folder, 'images', `${SHA_C}-4x4.jpg`), Buffer.alloc(1234));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const uploaded: LakeDocument = {
    _id: `image-${SHA_A}-20x10-png`,
    _type: 'sanity.imageAsset',
    _createdAt: '2025-01-02T03:04:05Z',
    _updatedAt: '2025-01-02T03:04:05Z',
    _rev: 'rev1',
    assetId: SHA_A,
    sha1hash: SHA_A,
    extension: 'png',
    mimeType: 'image/png',
    originalFilename: 'upload.png',
    size: 1234,
    path: `images/no-project/production/${SHA_A}-20x10.png`,
    url: `${BASE}/${SHA_A}-20x10.png`,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: { _type: 'sanity.imageDimensions', width: 20, height: 10, aspectRatio: 2 },
      lqip: 'data:image/png;base64,AAAA',
      hasAlpha: true,
      isOpaque: false,
    },
  };
  const pdf: LakeDocument = {
    _id: `file-${SHA_B}-pdf`,
    _type: 'sanity.fileAsset',
    assetId: SHA_B,
    sha1hash: SHA_B,
    extension: 'pdf',
    mimeType: 'application/pdf',
    originalFilename: 'report.pdf',
    size: 9,
    path: `files/no-project/production/${SHA_B}.pdf`,
    url: `http://localhost:4343/files/no-project/production/${SHA_B}.pdf`,
  };
  const article: LakeDocument = {
    _id: 'a1',
    _type: 'article',
    mainImage: { _type: 'image', asset: { _type: 'reference', _ref: uploaded._id }, alt: 'A' },
    attachment: { _type: 'file', asset: { _type: 'reference', _ref: pdf._id } },
  };
  // Uploaded in the Studio, not yet used by any document.
  const unreferenced: LakeDocument = {
    ...uploaded,
    _id: `image-${SHA_C}-4x4-jpg`,
    assetId: SHA_C,
    sha1hash: SHA_C,
    extension: 'jpg',
    mimeType: 'image/jpeg',
    path: `images/no-project/production/${SHA_C}-4x4.jpg`,
    url: `${BASE}/${SHA_C}-4x4.jpg`,
    metadata: { ...(uploaded.metadata as object), dimensions: { _type: 'sanity.imageDimensions', width: 4, height: 4, aspectRatio: 1 } },
  };

  it('writes _sanityAsset strings and assets.json entries, and reads them back to the same documents', () => {
    const exported = toExportForm([article, uploaded, pdf, unreferenced]);
    expect(exported.docs).toEqual([
      {
        _id: 'a1',
        _type: 'article',
        mainImage: { _type: 'image', _sanityAsset: `image@file://./images/${SHA_A}-20x10.png`, alt: 'A' },
        attachment: { _type: 'file', _sanityAsset: `file@file://./files/${SHA_B}.pdf` },
      },
    ]);
    expect(exported.assets[uploaded._id]).toEqual({
      originalFilename: 'upload.png',
      metadata: {
        dimensions: { width: 20, height: 10, aspectRatio: 2 },
        lqip: 'data:image/png;base64,AAAA',
        hasAlpha: true,
        isOpaque: false,
      },
      _createdAt: '2025-01-02T03:04:05Z',
      _updatedAt: '2025-01-02T03:04:05Z',
      _rev: 'rev1',
    });

    writeFileSync(join(folder, 'assets.json'), JSON.stringify(exported.assets));
    const lake = byId(fromExportForm(exported.docs, folder, BASE));
    expect(lake.get('a1')).toEqual(article);
    expect(lake.get(uploaded._id)).toEqual(uploaded);
    expect(lake.get(unreferenced._id)).toEqual(unreferenced);
    expect(lake.get(pdf._id)).toEqual(pdf);
    expect(lake.size).toBe(4);
  });

  it('keeps asset documents already in the NDJSON, pointed at this lake, without adding a second', () => {
    const raw: RawDocument[] = [
      { ...uploaded, url: `https://cdn.sanity.io/images/abc/prod/${SHA_A}-20x10.png` },
      { _id: 'a2', _type: 'article', mainImage: { _type: 'image', _sanityAsset: `image@file://./images/${SHA_A}-20x10.png` } },
    ];
    const lake = fromExportForm(raw, folder, 'http://localhost:9999/images/p/staging');
    expect(lake.filter((doc) => doc._id === uploaded._id)).toHaveLength(1);
    expect(byId(lake).get(uploaded._id)!.url).toBe(`http://localhost:9999/images/p/staging/${SHA_A}-20x10.png`);
  });
});
