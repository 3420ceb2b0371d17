import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '@/lib/content/article';
import { createEmbeddedSource } from '@/lib/content/sources/embedded';
import { withImageAssets } from '@/lib/content/sources/image-assets';
import { imageProps } from '@/lib/images/image-props';
import { contentImageLoader } from '@/lib/images/loader';
import { datasetImagesFolder, mediaFile } from '@/lib/images/media-file';
import { encodePng, pngSize } from '@/scripts/images/png';

const SAMPLE = join(import.meta.dirname, '../../sanity/sample-dataset');
const SEED = 'kazakhstan-silences-pro-and-anti-russian-voices-amid-geopolitical-tensions';
const cdnAsset = {
  _id: 'image-Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x3000-jpg',
  url: 'https://cdn.sanity.io/images/abc123/production/Tb9Ew8CXIwaY6R1kjMvI0uRR-2000x3000.jpg',
  width: 2000,
  height: 3000,
  lqip: 'data:image/jpeg;base64,/9j/2wBDAAYEBQYFBAYG',
};

describe('imageProps', () => {
  it('asks Sanity’s CDN for the editor’s crop as a rect, and keeps the hotspot as the focal point', () => {
    const props = imageProps({ asset: cdnAsset, crop: { top: 0.1, bottom: 0.1, left: 0, right: 0.5 }, hotspot: { x: 0.25, y: 0.4, width: 0.1, height: 0.1 } });
    expect(props).not.toBeNull();
    const url = new URL(props!.src);
    expect(url.host).toBe('cdn.sanity.io');
    expect(url.searchParams.get('rect')).toBe('0,300,1000,2400');
    expect([props!.width, props!.height]).toEqual([1000, 2400]);
    expect(props!.objectPosition).toBe('25% 40%');
    expect(props!.blurDataURL).toBe(cdnAsset.lqip);
  });

  it('uses the embedded dataset’s /media/ files as they are', () => {
    const props = imageProps({ asset: { _id: 'image-ab-10x10-png', url: '/media/ab-10x10.png', width: 10, height: 10 } });
    expect(props).toEqual({ src: '/media/ab-10x10.png', width: 10, height: 10, blurDataURL: undefined, objectPosition: undefined });
  });

  it('refuses an image from any other host, a path out of /media/ or a size it does not know', () => {
    for (const url of ['https://evil.example/x.png', 'javascript:alert(1)', '/media/../data.ndjson', '/media/x.svg', '//evil.example/a.png']) {
      expect(imageProps({ asset: { _id: 'x', url, width: 10, height: 10 } })).toBeNull();
    }
    expect(imageProps({ asset: { ...cdnAsset, width: null } })).toBeNull();
  });

  it('drops an LQIP that is not an image data URI', () => {
    const props = imageProps({ asset: { ...cdnAsset, lqip: 'https://evil.example/track.png' } });
    expect(props?.blurDataURL).toBeUndefined();
  });
});

describe('the image loader', () => {
  it('resizes on Sanity’s CDN, keeping the cropped shape', () => {
    const src = 'https://cdn.sanity.io/images/abc/production/x-2000x1000.jpg?rect=0,0,2000,1000&w=2000&h=1000&fit=crop&auto=format';
    const url = new URL(contentImageLoader({ src, width: 640, quality: 80 }));
    expect(url.searchParams.get('w')).toBe('640');
    expect(url.searchParams.get('h')).toBe('320');
    expect(url.searchParams.get('q')).toBe('80');
    expect(url.searchParams.get('rect')).toBe('0,0,2000,1000');
  });

  it('gives each width of a /media/ file its own URL', () => {
    expect(contentImageLoader({ src: '/media/a-1x1.png', width: 828 })).toBe('/media/a-1x1.png?w=828');
  });
});

describe('the /media/ file gate', () => {
  const root = mkdtempSync(join(tmpdir(), 'nmn-media-'));
  const images = join(root, 'images');
  mkdirSync(images);
  writeFileSync(join(root, 'data.ndjson'), '');
  writeFileSync(join(root, 'secret.png'), 'outside');
  writeFileSync(join(images, 'abc123-10x10.png'), 'png');
  writeFileSync(join(images, 'photo.jpg'), 'jpg');
  writeFileSync(join(images, 'evil.svg'), '<svg onload="alert(1)"/>');
  symlinkSync(join(root, 'secret.png'), join(images, 'link.png'));

  it('finds the images folder next to the dataset file', () => {
    expect(datasetImagesFolder(root)).toBe(images);
    expect(datasetImagesFolder(join(root, 'data.ndjson'))).toBe(images);
  });

  it('serves image files from the folder with their content type', () => {
    expect(mediaFile(images, 'abc123-10x10.png')?.contentType).toBe('image/png');
    expect(mediaFile(images, 'photo.jpg')?.contentType).toBe('image/jpeg');
  });

  it('serves, shows and types every image extension alike: /media, the page and the dataset asset documents read one table', () => {
    const exported = (extension: string) => ({ _id: 'article-x', _type: 'article', mainImage: { _sanityAsset: `image@file://./images/abc-1x1.${extension}` } });
    const asset = (extension: string) => withImageAssets([exported(extension)], join(root, 'data.ndjson')).find((doc) => doc._type === 'sanity.imageAsset');
    const served = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'].map((extension) => {
      writeFileSync(join(images, `same-type.${extension}`), extension);
      const shown = imageProps({ asset: { _id: 'image-x', url: `/media/same-type.${extension}`, width: 1, height: 1 } })?.src;
      return [extension, mediaFile(images, `same-type.${extension}`)?.contentType, asset(extension)?.mimeType, shown];
    });
    expect(served).toEqual([
      ['png', 'image/png', 'image/png', '/media/same-type.png'],
      ['jpg', 'image/jpeg', 'image/jpeg', '/media/same-type.jpg'],
      ['jpeg', 'image/jpeg', 'image/jpeg', '/media/same-type.jpeg'],
      ['gif', 'image/gif', 'image/gif', '/media/same-type.gif'],
      ['webp', 'image/webp', 'image/webp', '/media/same-type.webp'],
      ['avif', 'image/avif', 'image/avif', '/media/same-type.avif'],
    ]);
  });

  it.each([
    '../secret.png',
    '..%2Fsecret.png',
    '..\\secret.png',
    '/etc/passwd',
    'evil.svg',
    'link.png',
    'missing.png',
    '.png',
    'a.png\u0000.txt',
    'data.ndjson',
    '',
  ])('refuses %j', (name) => {
    expect(mediaFile(images, name)).toBeNull();
  });
});

describe('the sample dataset’s images', () => {
  it('the seed article has a main image with alt text, caption, credit, size and LQIP, served from /media/', async () => {
    const article = (
      await loadArticle(
        createEmbeddedSource(SAMPLE, () => {}),
        SEED,
      )
    ).value;
    const image = article?.mainImage;
    expect(image?.alt).toMatch(/steppe/);
    expect(image?.credit).toBe('NextMinuteNews illustration');
    expect(image?.caption).toBeTruthy();
    expect(image?.asset.url).toMatch(/^\/media\/[0-9a-f]{40}-1200x675\.png$/);
    expect(image?.asset.lqip).toMatch(/^data:image\/png;base64,/);
    expect(imageProps(image!)?.objectPosition).toBe('70% 40%');
  });

  it('each file is named by its SHA-1 and size, as `sanity dataset export` names them', () => {
    const folder = datasetImagesFolder(SAMPLE);
    const data = readFileSync(join(SAMPLE, 'data.ndjson'), 'utf8');
    const names = [...new Set([...data.matchAll(/image@file:\/\/\.\/images\/([^"]+)/g)].map((m) => m[1]!))];
    expect(names).toHaveLength(3);
    for (const name of names) {
      const found = mediaFile(folder, name);
      expect(found).not.toBeNull();
      const bytes = readFileSync(found!.path);
      const size = pngSize(bytes);
      expect(name).toBe(`${createHash('sha1').update(bytes).digest('hex')}-${size?.width}x${size?.height}.png`);
    }
  });
});

describe('encodePng', () => {
  it('writes a PNG whose header gives its size, the same bytes every time', () => {
    const draw = () => encodePng(3, 2, (x, y) => [x * 80, y * 120, 200]);
    expect(pngSize(draw())).toEqual({ width: 3, height: 2 });
    expect(draw().equals(draw())).toBe(true);
  });
});
